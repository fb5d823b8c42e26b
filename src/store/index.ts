export { createGameStore, figureChoicesOf, type GameStore, type Session, type NewGameOptions } from './game-store';
export { SAVE_KEY, SAVE_VERSION, loadSave, makeSave, rebuild, type SaveFile, type SaveProblem, type SeatKind, type KeyValueStorage } from './save';
