import { describe, expect, it } from "vitest";
import { meanConfidenceInterval } from "./mean-ci";

describe("meanConfidenceInterval (t-based)", () => {
  it("matches a hand computation", () => {
    // n = 5, mean 3, s = sqrt(2.5), t(0.975, 4) = 2.776445
    const ci = meanConfidenceInterval([1, 2, 3, 4, 5]);
    const half = (2.776445 * Math.sqrt(2.5)) / Math.sqrt(5);
    expect(ci?.mean).toBe(3);
    expect(ci?.interval[0]).toBeCloseTo(3 - half, 5);
    expect(ci?.interval[1]).toBeCloseTo(3 + half, 5);
    expect(ci?.n).toBe(5);
  });

  it("narrows with a lower level and is null without spread information", () => {
    const xs = [0.2, 0.4, 0.9, 0.7, 0.5, 0.6];
    const wide = meanConfidenceInterval(xs, 0.99)!;
    const narrow = meanConfidenceInterval(xs, 0.8)!;
    expect(narrow.interval[0]).toBeGreaterThan(wide.interval[0]);
    expect(narrow.interval[1]).toBeLessThan(wide.interval[1]);
    expect(meanConfidenceInterval([0.5])).toBeNull();
    expect(meanConfidenceInterval([])).toBeNull();
  });
});
