import { describe, expect, it } from "vitest";
import { mulberry32, randomIndex } from "./prng";

describe("mulberry32", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
  });

  it("stays in [0, 1) and is roughly uniform", () => {
    const random = mulberry32(7);
    const buckets = new Array<number>(10).fill(0);
    const draws = 100_000;
    let min = 1;
    let max = 0;
    for (let i = 0; i < draws; i++) {
      const x = random();
      min = Math.min(min, x);
      max = Math.max(max, x);
      buckets[Math.floor(x * 10)]! += 1;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    for (const count of buckets) expect(Math.abs(count - draws / 10)).toBeLessThan(draws / 100);
  });

  it("randomIndex covers every index of a small range", () => {
    const random = mulberry32(1);
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) seen.add(randomIndex(random, 5));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
