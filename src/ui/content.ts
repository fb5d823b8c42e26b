/**
 * The two reading panels of the main menu, in our own words: "How to play" and "About the
 * sources". Plain DOM built with text nodes only.
 */
import { EMBLEM_URL, MARKER_URL } from './assets';
import { h } from './dom';
import { icon, type IconName } from './icons';
import { CAPITAL_STYLE, type CapitalId } from './theme';

function p(text: string): HTMLParagraphElement {
  return h('p', {}, text);
}

function ul(items: (string | Node)[]): HTMLUListElement {
  return h('ul', {}, ...items.map((i) => h('li', {}, i)));
}

function leverCard(capital: CapitalId, lead: string, items: string[]): HTMLElement {
  const style = CAPITAL_STYLE[capital];
  return h(
    'section',
    {
      class: 'lever-card',
      'aria-label': `${style.name}'s levers`,
      style: `border-top: 5px solid ${style.color}`,
    },
    h('h4', {}, h('img', { src: EMBLEM_URL[capital], alt: '' }), style.name),
    h('p', { style: 'margin: 0 0 6px' }, lead),
    ul(items),
  );
}

function iconItem(name: IconName, text: string): HTMLLIElement {
  return h('li', {}, icon(name), text);
}

export function howToPlay(): DocumentFragment {
  const f = document.createDocumentFragment();
  f.append(
    p(
      'You lead one of three capitals — Pyongyang, Moscow or Kyiv — through the months after North Korean ' +
        'soldiers were sent to Russia in autumn 2024. The other two capitals are played by the computer, or by ' +
        'classmates taking turns on the same device. A game is 8 to 12 turns and fits in a lesson.',
    ),

    h('h3', {}, 'A turn is one month'),
    h(
      'ol',
      {},
      h(
        'li',
        {},
        h('strong', {}, 'News. '),
        'Events drawn from the sources arrive: reports, videos, captures, claims.',
      ),
      h(
        'li',
        {},
        h('strong', {}, 'Orders. '),
        'Each capital in turn makes and answers trade offers and sets its levers, then ends its turn.',
      ),
      h(
        'li',
        {},
        h('strong', {}, 'Resolution. '),
        'Deliveries move along the route, the front is fought sector by sector, and the turn report plays on the map.',
      ),
      h(
        'li',
        {},
        h('strong', {}, 'Ledger. '),
        'Losses, captures and families at risk are added to the human-cost ledger.',
      ),
    ),

    h('h3', {}, 'What each capital decides'),
    h(
      'div',
      { class: 'lever-grid' },
      leverCard('pyongyang', 'Sends soldiers, shells and workers — and sets the price.', [
        'How many soldiers to send, and when',
        'How long to train them before the front',
        'Ammunition and workers to ship',
        'What to ask for: oil, food, hard currency, technology, UN cover',
        'What the soldiers are told about where they are going',
      ]),
      leverCard('moscow', 'Pays for men and shells, and commands them.', [
        'What to pay for troops and ammunition',
        'Where North Korean units go on the Kursk front',
        'Whether to pair them with Russian drone operators',
        'Whether to share nuclear technology',
        'What to say in public: deny, “conflicting information”, or confirm',
      ]),
      leverCard('kyiv', 'Defends, and decides what the world gets to see.', [
        'Hold the Kursk salient as leverage, or pull back',
        'Troops, ammunition and drones for each sector',
        'Whether to target North Korean units with drones',
        'Capture and publicise prisoners',
        'Release evidence to raise international scrutiny',
      ]),
    ),

    h('h3', {}, 'Trade'),
    p(
      'An offer says what you give, what you want, and over how many months it is delivered. The other capital ' +
        'accepts, rejects or makes a counter-offer. Deliveries can arrive late or short. A trade never creates ' +
        'anything: every shell, barrel and soldier leaves one stock and arrives in another.',
    ),
    h(
      'ul',
      { class: 'icon-row', 'aria-label': 'What can be traded' },
      iconItem('troops', 'troops'),
      iconItem('ammunition', 'ammunition'),
      iconItem('oil', 'oil'),
      iconItem('food', 'food'),
      iconItem('currency', 'currency'),
      iconItem('workers', 'workers'),
      iconItem('un-cover', 'UN cover'),
      iconItem('tech-missile', 'missile'),
      iconItem('tech-drone', 'drone'),
      iconItem('tech-air-defence', 'air defence'),
      iconItem('tech-nuclear', 'nuclear'),
      iconItem('tech-cyber', 'cyber technology'),
    ),

    h('h3', {}, 'Reading the map'),
    ul([
      'Each front sector shows how much of it Russia controls: the hatched orange part is Russian-held, the plain blue part Ukrainian-held, and the dark line between them is the front. The percentage is written on the sector.',
      h(
        'span',
        {},
        'Unit markers carry a letter: ',
        h('img', {
          src: MARKER_URL.russian,
          alt: '',
          width: 30,
          height: 20,
          style: 'vertical-align: middle',
        }),
        ' R Russian, ',
        h('img', {
          src: MARKER_URL.northKorean,
          alt: '',
          width: 30,
          height: 20,
          style: 'vertical-align: middle',
        }),
        ' N North Korean, ',
        h('img', {
          src: MARKER_URL.ukrainian,
          alt: '',
          width: 30,
          height: 20,
          style: 'vertical-align: middle',
        }),
        ' U Ukrainian. A bigger marker means more soldiers; the number is printed beside it.',
      ),
      'After each turn, numbers rise from the sectors: killed, wounded and captured.',
      'Everything on the map is also listed in a table beside it.',
    ]),

    h('h3', {}, 'The human-cost ledger'),
    p(
      'Beside your score, the game keeps a ledger that no capital can trade away: North Korean soldiers sent, ' +
        'killed, wounded, captured and returned, and the families put at risk when a soldier is captured — plus ' +
        'Russian and Ukrainian losses. Whatever you win, the debrief shows what it cost, and who paid.',
    ),
    h(
      'ul',
      { class: 'icon-row', 'aria-label': 'What the ledger counts' },
      iconItem('troops', 'sent'),
      iconItem('killed', 'killed'),
      iconItem('wounded', 'wounded'),
      iconItem('captured', 'captured'),
      iconItem('families', 'families at risk'),
    ),

    h('h3', {}, 'What you know'),
    p(
      'You see your own capital exactly. The other capitals’ figures reach you as estimates with a range, like ' +
        'the reports the sources are built on; intelligence and released evidence narrow the range.',
    ),
  );
  return f;
}

interface SourceFigure {
  text: string;
  who: string;
  unverified?: boolean;
}

function sourceCard(
  kind: string,
  title: string,
  summary: string,
  figures: SourceFigure[],
): HTMLElement {
  return h(
    'article',
    { class: 'source-card' },
    h('div', { class: 'kind' }, kind),
    h('h4', {}, `“${title}”`),
    p(summary),
    h(
      'ul',
      { class: 'figure-list' },
      ...figures.map((fig) =>
        h(
          'li',
          {},
          fig.text,
          ' ',
          h('span', { class: 'tag tag-claim' }, fig.who),
          fig.unverified
            ? h('span', { class: 'tag tag-unverified' }, 'not independently verified')
            : null,
        ),
      ),
    ),
  );
}

export function aboutSources(): DocumentFragment {
  const f = document.createDocumentFragment();
  f.append(
    p(
      'Every number the game starts from comes from two published texts. We read both and recorded each figure ' +
        'in our own words in a figures ledger: what is claimed, by whom, when, and how sure anyone can be. In the ' +
        'game, any number can be opened to show where it came from.',
    ),

    sourceCard(
      'Opinion and analysis · early 2025',
      'They thought they were fighting Americans. Instead, they found themselves in the trenches of Ukraine.',
      'Argues that the North Korean soldiers are pawns: deceived about the enemy, barely trained for drone warfare, ' +
        'and traded by Pyongyang and Moscow for experience, money and technology. It cites ten numbered ' +
        'references; the reference list itself is not part of our copy.',
      [
        {
          text: 'Reports of the deployment first surfaced in October 2024.',
          who: 'Ukrainian and South Korean intelligence',
        },
        { text: 'Between 10,000 and 12,000 soldiers.', who: 'estimates' },
        {
          text: 'More than 13,000 containers of ammunition shipped to Russia before the deployment.',
          who: 'cited report',
        },
        {
          text: 'On the front lines in the Kursk region since February 2025.',
          who: 'South Korean intelligence',
        },
        { text: 'Two soldiers taken alive in January 2025.', who: 'Ukrainian forces' },
        { text: 'At least 3,000 deaths.', who: 'Ukraine, a party to the war' },
        { text: 'More than 13,000 workers sent to Russia in 2024.', who: 'cited report' },
        {
          text: 'Soldiers may be exchanged for nuclear technology.',
          who: 'South Korean intelligence, a claim',
        },
      ],
    ),

    sourceCard(
      'News feature · late October 2024',
      'North Korean Troops Allegedly Seen in Russia, Set for Deployment in Ukraine',
      'Reports a video released by Ukraine’s Center for Strategic Communications in which men presumed to be ' +
        'North Korean recruits collect Russian uniforms and kit, then weighs what each regime gains and risks. ' +
        'Its tone is lighter than the subject; its figures rest on intelligence claims.',
      [
        { text: 'The uniform-issue video.', who: 'Ukrainian government release', unverified: true },
        {
          text: 'About 1,500 soldiers already in Russia for training.',
          who: 'South Korean intelligence',
          unverified: true,
        },
        {
          text: 'As many as 10,000 could be sent.',
          who: 'President Zelensky, a warning',
          unverified: true,
        },
        { text: 'Possibly 12,000 in total.', who: 'estimates', unverified: true },
        { text: 'A defence pact signed earlier in 2024.', who: 'reported' },
        {
          text: 'In return Pyongyang gains economic help, technology and backing at the UN Security Council.',
          who: 'analysis',
        },
      ],
    ),

    h('h3', {}, 'How to read these numbers'),
    ul([
      'They are estimates, mostly from governments at war or allied to one side. Many have not been independently verified.',
      'Several come as ranges (10,000 to 12,000) or as floors (“at least 3,000”). An instructor can play the low, central or high value of each.',
      'The sources disagree in tone and purpose: one argues a case, the other reports claims. Neither is the last word.',
      'The game is a model for discussion, not a prediction. Its outcomes show how choices and uncertainty play out — not what really happened.',
    ]),
  );
  return f;
}
