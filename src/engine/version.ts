/**
 * The engine's rules version. Records pin it: a record made by another version is refused by
 * replay (its numbers would not reproduce). Bump it with any change to how a turn resolves.
 */
export const ENGINE_VERSION = '1.1.0';
