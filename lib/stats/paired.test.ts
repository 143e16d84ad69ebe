import { describe, expect, it } from "vitest";
import { pairedDifferences } from "./paired";

describe("pairedDifferences", () => {
  it("keeps only cases present in both, in the first map's order", () => {
    const base = new Map([["c1", 0.8], ["c2", 0.5], ["c3", 0.9]]);
    const cand = new Map([["c3", 0.6], ["c1", 0.9], ["c4", 0.1]]);
    const p = pairedDifferences(base, cand);
    expect(p.caseIds).toEqual(["c1", "c3"]);
    expect(p.a).toEqual([0.8, 0.9]);
    expect(p.b).toEqual([0.9, 0.6]);
    expect(p.differences[0]).toBeCloseTo(0.1, 12);
    expect(p.differences[1]).toBeCloseTo(-0.3, 12);
  });

  it("returns empty arrays when nothing overlaps", () => {
    expect(pairedDifferences(new Map([["a", 1]]), new Map([["b", 1]])).caseIds).toEqual([]);
  });
});
