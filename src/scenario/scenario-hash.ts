import { hashValue } from './hash';
import type { Scenario } from './schema';

/**
 * A scenario's identity: the hash of its normalised content (defaults filled in, text trimmed,
 * key order irrelevant). Two files that differ only in layout, comments, key order or spelled-out
 * defaults have the same hash.
 */
export function scenarioHash(scenario: Scenario): string {
  return hashValue(scenario);
}
