// One cold load of a report page in a fresh context: navigation start → first byte, first contentful paint,
// DOMContentLoaded, the recommendation card / trade-off table / first page of cases visible, load; and what was sent.
import { loadavg } from "node:os";
import type { Browser } from "@playwright/test";
import { freshPage, transferOf, type Transfer } from "./browser";
import { traced, type Breakdown } from "./trace";

export const WATCHED = ["recommendation", "tradeoff-table", "case-list"] as const;

// Runs in the page before any of its scripts: on every animation frame (i.e. just before each paint) it notes when each
// watched element first has a layout box (Playwright's "visible": non-empty box, not visibility:hidden). Also records LCP.
const INIT = `(() => {
  const ids = ${JSON.stringify(WATCHED)};
  const seen = {};
  const lcp = [];
  window.__bench = { seen, lcp };
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden"; };
  const tick = () => {
    for (const id of ids) {
      if (id in seen) continue;
      const el = document.querySelector('[data-testid="' + id + '"]');
      if (el && visible(el)) seen[id] = performance.now();
    }
    if (ids.some((id) => !(id in seen))) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) lcp.push(e.startTime); }).observe({ type: "largest-contentful-paint", buffered: true }); } catch {}
})();`;

export interface LoadSample {
  loadAvg: number;
  ttfb: number;
  fcp: number;
  lcp: number;
  dcl: number;
  load: number;
  recommendation: number;
  table: number;
  cases: number;
  /** the explorer's first cases API request: when it started and when its answer was in (Resource Timing) */
  casesApiStart: number;
  casesApiEnd: number;
  /** Everything ready: the later of recommendation and table visible (the report's first useful render). */
  report: number;
  transfer: Transfer;
}

export async function measureLoad(browser: Browser, url: string): Promise<LoadSample> {
  const loadAvg = loadavg()[0]!;
  const t = await freshPage(browser);
  try {
    await t.page.addInitScript(INIT);
    const res = await t.page.goto(url, { waitUntil: "load", timeout: 60_000 });
    if (!res || res.status() !== 200) throw new Error(`${url} answered ${res?.status()}`);
    for (const id of WATCHED) await t.page.locator(`[data-testid="${id}"]`).first().waitFor({ state: "visible", timeout: 30_000 });
    await t.networkQuiet();
    const m = await t.page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByType("paint").find((e) => e.name === "first-contentful-paint")?.startTime ?? NaN;
      const b = (window as unknown as { __bench: { seen: Record<string, number>; lcp: number[] } }).__bench;
      const api = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).find((e) => e.name.includes("/cases?"));
      return { ttfb: nav.responseStart, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, fcp, seen: b.seen, lcp: b.lcp.at(-1) ?? NaN, apiStart: api?.startTime ?? NaN, apiEnd: api?.responseEnd ?? NaN };
    });
    const rec = m.seen["recommendation"] ?? NaN;
    const table = m.seen["tradeoff-table"] ?? NaN;
    return { loadAvg, ttfb: m.ttfb, fcp: m.fcp, lcp: m.lcp, dcl: m.dcl, load: m.load, recommendation: rec, table, cases: m.seen["case-list"] ?? NaN, casesApiStart: m.apiStart, casesApiEnd: m.apiEnd, report: Math.max(rec, table), transfer: transferOf(t.requests) };
  } finally {
    await t.close();
  }
}

/** One cold load, traced from navigation until the first page of cases is shown (not counted in the timings). */
export async function tracedLoad(browser: Browser, url: string): Promise<Breakdown> {
  const t = await freshPage(browser);
  try {
    return await traced(browser, t.page, async () => {
      await t.page.goto(url, { waitUntil: "load", timeout: 60_000 });
      await t.page.locator('[data-testid="case-list"]').waitFor({ state: "visible", timeout: 30_000 });
    });
  } finally {
    await t.close();
  }
}
