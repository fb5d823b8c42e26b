/**
 * "You are here": the ids of the results this browser submitted. The game appends the id of
 * every result it submits to localStorage under MY_RESULTS_KEY, as a JSON array of strings
 * (newest last). The results page only reads it (and adds ids submitted from here).
 */
export const MY_RESULTS_KEY = 'tc.myResults';

export function myResultIds(): string[] {
  try {
    const raw = window.localStorage.getItem(MY_RESULTS_KEY);
    if (!raw) return [];
    const v = JSON.parse(raw) as unknown;
    return Array.isArray(v)
      ? v.filter((x): x is string => typeof x === 'string' && /^[A-Za-z0-9_-]{1,32}$/.test(x))
      : [];
  } catch {
    return [];
  }
}

export function rememberMyResult(id: string): void {
  const ids = myResultIds().filter((x) => x !== id);
  ids.push(id);
  try {
    window.localStorage.setItem(MY_RESULTS_KEY, JSON.stringify(ids.slice(-200)));
  } catch {
    // storage full or disabled: "you are here" is a nicety
  }
}
