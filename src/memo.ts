/**
 * `compute` remembered by its argument (a Map key: strings and numbers by value), for one
 * build's pass over many repeats of few values (dates shown on several pages, topic names on
 * thousands of articles, counts on every list). The memory lives as long as the returned
 * function: make one per pass, never one per module.
 */
export function memoByKey<K, V>(compute: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    if (known.has(key)) return known.get(key) as V;
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}
