import { describe, expect, it } from "vitest";
import { reservoirSample } from "./sample";

async function* range(n: number) {
  for (let i = 0; i < n; i++) yield i;
}

describe("reservoirSample", () => {
  it("returns n distinct items, deterministic for a seed", async () => {
    const a = await reservoirSample(range(10_000), 50, 7);
    const b = await reservoirSample(range(10_000), 50, 7);
    expect(a.sample).toHaveLength(50);
    expect(new Set(a.sample).size).toBe(50);
    expect(a.sample).toEqual(b.sample);
    expect(a.seen).toBe(10_000);
  });
  it("returns everything when the stream is shorter than n", async () => {
    expect((await reservoirSample(range(3), 10, 1)).sample).toEqual([0, 1, 2]);
  });
  it("is roughly uniform", async () => {
    const counts = new Array(10).fill(0);
    for (let seed = 0; seed < 2000; seed++) for (const x of (await reservoirSample(range(10), 1, seed)).sample) counts[x]++;
    for (const c of counts) expect(c).toBeGreaterThan(120);
  });
});
