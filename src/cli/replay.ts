/**
 * npm run replay -- <record.json>: rebuilds a game from its record as the server verifies it
 * (every turn's hash, every computer seat's orders recomputed), prints the final hash and
 * outcome. Exit 0 when it verifies, 1 when it does not. A game in progress replays too.
 */
import { readFileSync } from 'node:fs';
import { replay } from '../engine';
import { replayChecked } from '../sim/replay-checked';
import { parseRecord } from '../sim/record-schema';
import { findScenarioById, parseArgs, rulesFor, run, UsageError } from './common';

run(() => {
  const args = parseArgs(process.argv.slice(2), ['scenario']);
  const file = args.positional[0];
  if (!file) throw new UsageError('usage: npm run replay -- <record.json> [--scenario FILE]');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const parsed = parseRecord(text);
  if (!parsed.ok) {
    process.stderr.write(
      `${file}: not a valid game record:\n${parsed.errors.map((e) => `  ${e}`).join('\n')}\n`,
    );
    return 1;
  }
  const record = parsed.value;
  const scenarioArg = args.flags.get('scenario');
  const loaded = findScenarioById(
    typeof scenarioArg === 'string' ? scenarioArg : record.scenario.id,
  );
  const rules = rulesFor(loaded, record.figureChoices);
  const checked = replayChecked(record, rules);
  // A game in progress stops where the computer would still play: replay what there is.
  const r = !checked.ok && checked.error.kind === 'ends-early' ? replay(record, rules) : checked;
  if (!r.ok) {
    process.stderr.write(`${file}: does not verify: ${r.error.message}\n`);
    return 1;
  }
  const m = r.value.state.metrics;
  const lines = [
    `verified: ${record.actions.length} actions, ${r.value.state.turnHashes.length} turns, every turn hash matches, computer seats as their players play`,
    `scenario: ${record.scenario.id} (${record.scenario.hash})`,
    `final hash: ${r.value.finalHash}`,
    `state: turn ${r.value.state.ctx.turn}, ${r.value.state.ctx.phase === 'over' ? 'game over' : 'in progress'}`,
    `scores: Pyongyang ${m['pyongyang.score']}, Moscow ${m['moscow.score']}, Kyiv ${m['kyiv.score']}`,
    `human cost: ${m['human.sent']} sent, ${m['human.killed']} killed, ${m['human.wounded']} wounded, ${m['human.captured']} captured, ${m['human.familiesAtRisk']} families at risk`,
    `Kursk: ${m['moscow.kurskControl']}% under Russian control`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
});
