/**
 * The scenarios the explorer lists: the built-ins shipped in scenarios/ (served at /scenarios/),
 * from the scenario module's index, so the menu, the server and the explorer agree.
 */
import { BUILT_IN_SCENARIOS, type BuiltInScenario } from '../scenario/builtins';

export const EXPLORER_SCENARIOS: readonly BuiltInScenario[] = BUILT_IN_SCENARIOS;
