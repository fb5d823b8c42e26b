/**
 * The scenarios shipped with the game, in menu order. Each is a file in scenarios/, served by
 * the app at `/scenarios/<file>` (the JSON Schema at `/scenarios/schema.json`), so the menu can
 * fetch them and an instructor can link to one with `?scenario=/scenarios/<file>`.
 * tests/scenario/builtins.test.ts checks that this list matches the folder and each file.
 */
export interface BuiltInScenario {
  /** The scenario's `id` (results are grouped by it). */
  id: string;
  /** File name in scenarios/. */
  file: string;
  /** The scenario's `title`, for a menu that has not loaded the file yet. */
  title: string;
  kind: 'historical' | 'counterfactual';
}

export const BUILT_IN_SCENARIOS: readonly BuiltInScenario[] = [
  {
    id: 'historical-2024',
    file: 'historical-2024.yaml',
    title: 'Three Capitals: the Kursk deployment, 2024-2025',
    kind: 'historical',
  },
  {
    id: 'nuclear-deal',
    file: 'nuclear-deal.yaml',
    title: 'Counterfactual: Moscow pays in nuclear know-how',
    kind: 'counterfactual',
  },
  {
    id: 'told-the-truth',
    file: 'told-the-truth.yaml',
    title: 'Counterfactual: the soldiers are told the truth',
    kind: 'counterfactual',
  },
  {
    id: 'kursk-given-up',
    file: 'kursk-given-up.yaml',
    title: 'Counterfactual: Kyiv gives up the Kursk salient early',
    kind: 'counterfactual',
  },
  {
    id: 'deployment-doubled',
    file: 'deployment-doubled.yaml',
    title: 'Counterfactual: the deployment doubles',
    kind: 'counterfactual',
  },
];
