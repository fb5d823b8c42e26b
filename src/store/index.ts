export { createGameStore, figureChoicesOf, type GameStore, type Session, type NewGameOptions } from './game-store';
export { SAVE_KEY, SAVE_VERSION, loadSave, makeSave, originOf, rebuild, type GameOrigin, type LessonLength, type SaveFile, type SaveProblem, type SeatKind, type KeyValueStorage } from './save';
