import { describe, expect, it } from "vitest";
import { wilsonInterval } from "./wilson";

describe("wilsonInterval", () => {
  it("matches the reference value for 5/100", () => {
    const [lo, hi] = wilsonInterval(5, 100);
    expect(lo).toBeCloseTo(0.0215, 4);
    expect(hi).toBeCloseTo(0.1118, 4);
  });

  it("handles 0 and n successes without leaving [0, 1]", () => {
    const [lo0, hi0] = wilsonInterval(0, 10);
    expect(lo0).toBe(0);
    expect(hi0).toBeCloseTo(3.8416 / 13.8416, 6); // z²/(n+z²) when p = 0
    const [loN, hiN] = wilsonInterval(10, 10);
    expect(loN).toBeCloseTo(10 / 13.8416, 6);
    expect(hiN).toBe(1);
  });

  it("returns the uninformative [0, 1] for n = 0", () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });
});
