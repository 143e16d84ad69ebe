import { describe, expect, it } from "vitest";
import { pairedBootstrapRelativeChangeCI } from "./bootstrap";
import { mean, standardDeviation } from "./descriptive";
import { mulberry32 } from "./prng";

function syntheticPairs(n: number, seed: number) {
  const random = mulberry32(seed);
  const base: number[] = [];
  const cand: number[] = [];
  for (let i = 0; i < n; i++) {
    const difficulty = random();
    base.push(0.5 + 0.4 * difficulty + 0.1 * random());
    cand.push(0.45 + 0.4 * difficulty + 0.1 * random()); // correlated with base, ~6% lower
  }
  return { base, cand };
}

describe("pairedBootstrapRelativeChangeCI", () => {
  it("computes the point estimate as the relative change of means", () => {
    const r = pairedBootstrapRelativeChangeCI([0.8, 0.6, 1.0], [0.6, 0.6, 0.9], { seed: 1 })!;
    expect(r.estimate).toBeCloseTo((100 * (0.7 - 0.8)) / 0.8, 10); // -12.5
    expect(r.n).toBe(3);
  });

  it("brackets the point estimate and is deterministic for a seed", () => {
    const { base, cand } = syntheticPairs(200, 3);
    const a = pairedBootstrapRelativeChangeCI(base, cand, { seed: 9 })!;
    const b = pairedBootstrapRelativeChangeCI(base, cand, { seed: 9 })!;
    const c = pairedBootstrapRelativeChangeCI(base, cand, { seed: 10 })!;
    expect(a.interval[0]).toBeLessThan(a.estimate);
    expect(a.interval[1]).toBeGreaterThan(a.estimate);
    expect(b).toEqual(a);
    expect(c.interval).not.toEqual(a.interval);
    expect(c.estimate).toBe(a.estimate);
  });

  it("a narrower level gives a narrower interval", () => {
    const { base, cand } = syntheticPairs(150, 4);
    const r95 = pairedBootstrapRelativeChangeCI(base, cand, { seed: 2, level: 0.95 })!;
    const r80 = pairedBootstrapRelativeChangeCI(base, cand, { seed: 2, level: 0.8 })!;
    expect(r80.interval[1] - r80.interval[0]).toBeLessThan(r95.interval[1] - r95.interval[0]);
  });

  it("approaches the delta-method normal interval for large n", () => {
    const n = 3000;
    const { base, cand } = syntheticPairs(n, 5);
    const r = pairedBootstrapRelativeChangeCI(base, cand, { seed: 11, iterations: 2000 })!;
    // Delta method: ratio R = mean(c)/mean(b), SE(R) = sd(c_i - R b_i) / (sqrt(n) mean(b)).
    const mb = mean(base);
    const ratio = mean(cand) / mb;
    const se = standardDeviation(base.map((b, i) => cand[i]! - ratio * b)) / (Math.sqrt(n) * mb);
    const half = 1.96 * 100 * se;
    expect(r.estimate).toBeCloseTo(100 * (ratio - 1), 10);
    expect(Math.abs(r.interval[0] - (r.estimate - half))).toBeLessThan(0.1 * half);
    expect(Math.abs(r.interval[1] - (r.estimate + half))).toBeLessThan(0.1 * half);
  });

  it("returns null without pairs or with a zero baseline mean", () => {
    expect(pairedBootstrapRelativeChangeCI([], [])).toBeNull();
    expect(pairedBootstrapRelativeChangeCI([0, 0], [1, 1])).toBeNull();
    expect(pairedBootstrapRelativeChangeCI([1, 2], [1])).toBeNull();
  });
});
