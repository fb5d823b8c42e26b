/** The engine's public API. Nothing outside src/engine should reach past this file. */
export * from './types';
export { ENGINE_VERSION } from './version';
export { createGame } from './create';
export { applyAction, applyInPlace, cloneState } from './actions';
export { replay, makeRecord, type ReplayError, type Replayed } from './record';
export { INJECT_TITLE_MAX, INJECT_TEXT_MAX, injectHeadline } from './inject';
export { hashState } from './state-hash';
export { randomFrom, seedRng } from './rng';
export { METRIC_IDS, computeMetrics, score, scoreBreakdown, northKoreansAtFront, kurskControl, troopsAtFront } from './metrics';
export { ESTIMATED_METRICS } from './intel';
export { LEVER_OWNERS, ACTION_LEVER } from './levers';
export { addMonths, turnDate, compareMonths, monthInTurn } from './calendar';
export { checkOffer, checkCanPay } from './trade';
export { northKoreanQuality, droneExposure, missileCrews } from './combat';
export { emptyStocks, bundleEntries } from './stocks';
