/**
 * The outcome metric ids a scenario may name (scoring objectives, `metric` conditions). The
 * engine computes exactly these (src/engine/metrics.ts owns the list; it is re-exported here so
 * the validator and the engine cannot disagree).
 */
import { METRIC_IDS as ENGINE_METRIC_IDS } from '../engine/metrics';

export const METRIC_IDS: readonly string[] = ENGINE_METRIC_IDS;
export type MetricId = (typeof ENGINE_METRIC_IDS)[number];

const known = new Set<string>(METRIC_IDS);
export function isMetricId(id: string): id is MetricId {
  return known.has(id);
}
