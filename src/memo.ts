/**
 * `compute` remembered by its string argument, for one build's pass over many repeats of few
 * values (dates shown on several pages, topic names on thousands of articles). The memory lives
 * as long as the returned function: make one per pass, never one per module.
 */
export function memoByKey<V>(compute: (key: string) => V): (key: string) => V {
  const known = new Map<string, V>();
  return (key) => {
    if (known.has(key)) return known.get(key) as V;
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}
