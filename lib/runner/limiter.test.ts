import { describe, expect, it } from "vitest";
import { Limiter } from "./limiter";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("Limiter", () => {
  it("never exceeds the global and per-key limits", async () => {
    const lim = new Limiter(4, (k) => (k === "slow" ? 1 : 10));
    let active = 0, peak = 0, slowActive = 0, slowPeak = 0;
    const job = (key: string) =>
      lim.run(key, async () => {
        active++; peak = Math.max(peak, active);
        if (key === "slow") { slowActive++; slowPeak = Math.max(slowPeak, slowActive); }
        await sleep(5);
        active--;
        if (key === "slow") slowActive--;
      });
    await Promise.all(Array.from({ length: 40 }, (_, i) => job(i % 3 === 0 ? "slow" : "fast")));
    expect(peak).toBe(4);
    expect(slowPeak).toBe(1);
    expect(lim.inFlight).toBe(0);
  });

  it("lets other keys pass a saturated one", async () => {
    const lim = new Limiter(2, (k) => (k === "a" ? 1 : 2));
    const order: string[] = [];
    const a1 = lim.run("a", async () => { await sleep(30); order.push("a1"); });
    const a2 = lim.run("a", async () => { order.push("a2"); });
    const b1 = lim.run("b", async () => { order.push("b1"); });
    await Promise.all([a1, a2, b1]);
    expect(order.indexOf("b1")).toBeLessThan(order.indexOf("a1"));
  });
});
