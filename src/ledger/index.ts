/**
 * The figures ledger: schema, parsing and look-ups. Pure and browser-safe (no Node built-ins,
 * no file reading). Node callers: `src/ledger/node.ts`.
 */
export * from './schema';
export * from './result';
export { parseLedger, formatLedgerError, LEDGER_FILE_NAME, type LedgerError } from './load';
export { findFigure, findDocument, figureIds, figureRange, figureValue } from './query';
export { editDistance, suggest, unknownIdMessage } from './suggest';
export {
  parseYamlSource,
  issuesToErrors,
  describeIssue,
  describeInput,
  formatSourceError,
  pathToString,
  sortErrors,
  type SourceError,
  type YamlSource,
  type DataPath,
  type Position,
} from './yaml-source';
export { renderFiguresDoc, formatFigureValue, formatSources, formatNumber } from './render';
