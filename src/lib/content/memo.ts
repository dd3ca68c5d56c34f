/**
 * Results of a pure function of strings, kept by its arguments (a function of none is computed
 * once). The validation stage and every page ask the same questions of the same links; in
 * `astro dev` they ask again after each edit, and the answers only change when the link does.
 */
export function memoized<Args extends string[], T>(compute: (...args: Args) => T): (...args: Args) => T {
  const results = new Map<string, T>();
  return (...args) => {
    const key = args.join('\0');
    if (!results.has(key)) results.set(key, compute(...args));
    return results.get(key) as T;
  };
}
