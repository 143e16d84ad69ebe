import { describe, expect, it } from "vitest";
import { mean, percentile, quantile, quantileSorted, standardDeviation, variance } from "./descriptive";

describe("mean / variance / standardDeviation", () => {
  it("matches hand-computed values", () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    // deviations from 5: -3,-1,-1,-1,0,0,2,4 -> squares sum 32; 32 / 7
    const xs = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(variance(xs)).toBeCloseTo(32 / 7, 12);
    expect(standardDeviation(xs)).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });

  it("returns NaN where undefined", () => {
    expect(mean([])).toBeNaN();
    expect(variance([3])).toBeNaN();
    expect(standardDeviation([])).toBeNaN();
  });
});

describe("quantile (type 7, linear interpolation)", () => {
  it("matches NumPy/R defaults", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([4, 1, 3, 2], 0.95)).toBeCloseTo(3.85, 12); // h = 2.85
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([10, 20, 30, 40, 50], 0.25)).toBe(20);
    expect(percentile([15, 20, 35, 40, 50], 40)).toBeCloseTo(29, 12); // h = 1.6 -> 20 + 0.6*15
    expect(percentile(Array.from({ length: 101 }, (_, i) => i), 95)).toBe(95);
  });

  it("handles edges and does not mutate its input", () => {
    const xs = [3, 1, 2];
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile(xs, 1)).toBe(3);
    expect(quantile([7], 0.95)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
    expect(xs).toEqual([3, 1, 2]);
    expect(quantileSorted([1, 3], 0.5)).toBe(2);
  });
});
