/** The debrief's discussion questions and the scenario's teaching objectives. */
import { h } from './dom';
import type { ScenarioWords } from './debrief-scenario-words';

export function questionsSection(words: ScenarioWords): HTMLElement {
  const id = 'debrief-questions-title';
  const questions =
    words.questions.length > 0
      ? words.questions
      : [
          'Which of your decisions changed the human-cost ledger most? Would you make it again?',
          'Which number in this game are you least sure of? Open its source card: who claims it?',
        ];
  return h(
    'section',
    { class: 'db-section db-questions', 'aria-labelledby': id },
    h('h2', { id }, 'Questions for discussion'),
    words.questions.length === 0
      ? h(
          'p',
          { class: 'db-intro' },
          'This scenario has no questions of its own; two to start with:',
        )
      : null,
    h('ol', {}, ...questions.map((q) => h('li', {}, q))),
    words.objectives.length > 0
      ? h(
          'div',
          { class: 'db-objectives' },
          h('h3', {}, 'What this scenario sets out to teach'),
          h('ul', {}, ...words.objectives.map((o) => h('li', {}, o))),
        )
      : null,
  );
}
