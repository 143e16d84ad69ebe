import { describe, expect, it } from "vitest";
import { additionalCasesToSettle, casesNeededForWidth } from "./sample-size";

describe("casesNeededForWidth", () => {
  it("applies n = ceil((z sd / h)^2)", () => {
    expect(casesNeededForWidth(10, 1)).toBe(385); // (19.6)^2 = 384.16
    expect(casesNeededForWidth(0.2, 0.02, 2)).toBe(400);
    expect(casesNeededForWidth(0, 1)).toBe(1);
    expect(casesNeededForWidth(1, 0)).toBe(Infinity);
  });
});

describe("additionalCasesToSettle", () => {
  it("scales the current half-width by sqrt(n) to reach the margin", () => {
    // n = 100, estimate -3, lower -6 (half-width 3), threshold -5 -> margin 2.
    // implied sd = 3 * 10 / 1.96; needed = ceil((3 * 10 / 2)^2) = 225 -> 125 more.
    expect(additionalCasesToSettle({ n: 100, estimate: -3, interval: [-6, 0], threshold: -5 })).toBe(125);
  });

  it("uses the side of the interval facing the threshold", () => {
    // estimate -7 below threshold -5, upper -4 (half-width 3), margin 2 -> 225 - 100 = 125
    expect(additionalCasesToSettle({ n: 100, estimate: -7, interval: [-20, -4], threshold: -5 })).toBe(125);
  });

  it("is 0 when already settled and null when it cannot be", () => {
    expect(additionalCasesToSettle({ n: 50, estimate: -1, interval: [-3, 1], threshold: -5 })).toBe(0);
    expect(additionalCasesToSettle({ n: 50, estimate: -5, interval: [-8, -2], threshold: -5 })).toBeNull();
    expect(additionalCasesToSettle({ n: 0, estimate: -1, interval: [-9, 1], threshold: -5 })).toBeNull();
  });
});
