// The benchmark corpora's randomness: seeded, so the same --count and --seed give byte-identical files.

/** mulberry32: small, fast, and the same on every machine. @param {number} seed @returns {() => number} a number in [0, 1) */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
