import { describe, expect, it } from "vitest";
import { paretoFrontier, plottable } from "./pareto";

const names = (ps: { model: string }[]) => ps.map((p) => p.model);

describe("paretoFrontier", () => {
  it("keeps the lowest cost for each level of quality, ordered by cost", () => {
    const frontier = paretoFrontier([
      { model: "premium", cost: 0.01, quality: 0.9 },
      { model: "swift", cost: 0.001, quality: 0.74 },
      { model: "dominated", cost: 0.008, quality: 0.7 }, // dearer and worse than swift
      { model: "balanced", cost: 0.004, quality: 0.84 },
    ]);
    expect(names(frontier)).toEqual(["swift", "balanced", "premium"]);
  });

  it("drops a dearer model that is not better, and keeps only the better of two at the same cost", () => {
    expect(names(paretoFrontier([
      { model: "a", cost: 1, quality: 0.8 },
      { model: "b", cost: 2, quality: 0.8 },
      { model: "c", cost: 1, quality: 0.85 },
    ]))).toEqual(["c"]);
  });

  it("leaves out models with an unknown price or no quality score", () => {
    const points = [
      { model: "priced", cost: 0.002, quality: 0.8 },
      { model: "no-price", cost: null, quality: 0.95 },
      { model: "ungraded", cost: 0.0001, quality: null },
      { model: "nan", cost: Number.NaN, quality: 0.5 },
    ];
    expect(names(plottable(points))).toEqual(["priced"]);
    expect(names(paretoFrontier(points))).toEqual(["priced"]);
  });

  it("is empty for no points and does not depend on input order", () => {
    expect(paretoFrontier([])).toEqual([]);
    const pts = [
      { model: "x", cost: 3, quality: 0.9 },
      { model: "y", cost: 1, quality: 0.5 },
      { model: "z", cost: 2, quality: 0.6 },
    ];
    expect(paretoFrontier(pts)).toEqual(paretoFrontier([...pts].reverse()));
    expect(names(paretoFrontier(pts))).toEqual(["y", "z", "x"]);
  });
});
