// Seeded pseudo-random numbers so that bootstrap intervals are reproducible run to run.
// mulberry32: a 32-bit state generator, fast and good enough for resampling (not for cryptography).

export type Random = () => number;

/** Returns a generator of floats in [0, 1). The same seed always yields the same sequence. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform integer in [0, n). */
export function randomIndex(random: Random, n: number): number {
  return Math.floor(random() * n);
}
