// The per-case explorer under load: scroll its case list top to bottom with the mouse wheel while sampling frame times
// (requestAnimationFrame deltas + Long Tasks), then page forward with "Next" and time each change until the new cases show.
import { loadavg } from "node:os";
import type { Browser, Page } from "@playwright/test";
import { freshPage } from "./browser";
import { percentile } from "../lib/stats";
import { traced, type Breakdown } from "./trace";

export interface ScrollSample {
  loadAvg: number;
  distancePx: number;
  reachedBottom: boolean;
  durationMs: number;
  frames: number;
  fps: number;
  p95FrameMs: number;
  maxFrameMs: number;
  longFrames: number;
  longTasks: number | null;
  longTaskMs: number | null;
  frameDeltas: number[];
}

export interface PageChange {
  loadAvg: number;
  page: number;
  /** click → the new cases in the DOM and painted (next animation frame) */
  shownMs: number;
  /** the cases API request of that page, start → end (Resource Timing) */
  apiMs: number;
  /** click → the cases API response fully received */
  dataMs: number;
}

const EXPLORER = '[data-testid="case-explorer"]';
const LIST = '[data-testid="case-list"]';

// In-page scripts are strings: tsx would otherwise wrap their inner functions in a helper the page does not have.
const SAMPLER = `(() => {
  const s = { deltas: [], longTasks: [], lt: false, stop: false, start: performance.now() };
  window.__scroll = s;
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) s.longTasks.push(e.duration); }).observe({ type: "longtask" });
    s.lt = true;
  } catch {}
  let last = 0;
  const loop = (ts) => { s.deltas.push(ts - last); last = ts; if (!s.stop) requestAnimationFrame(loop); };
  requestAnimationFrame((ts) => { last = ts; requestAnimationFrame(loop); });
})()`;

// Presses the first "Next" and resolves on the frame after the n-th page's cases are in the DOM.
const NEXT_PAGE = `async (n) => {
  const list = () => document.querySelector('[data-testid="case-list"]');
  const count = document.querySelector('[data-testid="case-count"]');
  const firstId = () => list()?.firstElementChild?.getAttribute("data-testid") ?? "";
  const before = firstId();
  const expected = "Showing " + (n * 20 + 1) + "\u2013";
  const btn = document.querySelector('[data-testid="cases-next"]');
  const mark = performance.getEntriesByType("resource").length;
  const t0 = performance.now();
  btn.click();
  await new Promise((resolve, reject) => {
    const give = setTimeout(() => reject(new Error("page " + (n + 1) + " did not show within 30 s: " + count.textContent)), 30000);
    const tick = () => {
      const text = count.textContent ?? "";
      if (text.startsWith(expected) && !text.includes("updating") && firstId() !== before) { clearTimeout(give); resolve(); }
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  const shownMs = performance.now() - t0;
  const api = performance.getEntriesByType("resource").slice(mark).filter((e) => e.name.includes("/cases?"));
  const last = api[api.length - 1];
  return { shownMs, apiMs: last ? last.duration : NaN, dataMs: last ? last.responseEnd - t0 : NaN };
}`;

async function openExplorer(browser: Browser, url: string) {
  const t = await freshPage(browser);
  await t.page.goto(url, { waitUntil: "load", timeout: 60_000 });
  await t.page.locator(LIST).waitFor({ state: "visible", timeout: 30_000 });
  await t.networkQuiet();
  return t;
}

async function scrollToExplorer(page: Page): Promise<void> {
  await page.evaluate((sel) => window.scrollTo(0, document.querySelector(sel)!.getBoundingClientRect().top + window.scrollY), EXPLORER);
  await page.waitForTimeout(400);
}

/** One scroll pass: `steps` wheel events spread over ~durationMs, frame sampling running throughout. */
export async function measureScroll(browser: Browser, url: string, durationMs = 3000, steps = 60): Promise<ScrollSample> {
  const loadAvg = loadavg()[0]!;
  const t = await openExplorer(browser, url);
  const { page } = t;
  try {
    await scrollToExplorer(page);
    const distancePx = await page.evaluate((sel) => {
      const list = document.querySelector(sel)!.getBoundingClientRect();
      return Math.max(0, Math.round(list.bottom - window.innerHeight));
    }, LIST);
    const vp = page.viewportSize()!;
    await page.mouse.move(vp.width / 2, vp.height / 2);
    await page.evaluate(SAMPLER);
    // Chromium does not scroll by exactly the wheel delta: after 10 steps the step is rescaled from the distance moved so
    // far, and steps go on (up to 3x as many) until the bottom of the list is reached.
    const scrollY = () => page.evaluate(() => window.scrollY);
    const y0 = await scrollY();
    let dy = Math.ceil(distancePx / steps);
    const interval = durationMs / steps;
    const t0 = Date.now();
    for (let i = 0; i < steps * 3; i++) {
      await page.mouse.wheel(0, dy);
      const wait = t0 + (i + 1) * interval - Date.now();
      if (wait > 0) await page.waitForTimeout(wait);
      if (i === 9) {
        const moved = (await scrollY()) - y0;
        if (moved > 0) dy = Math.ceil((dy * (10 * distancePx)) / steps / moved);
      }
      if (i >= steps - 1 && i % 5 === 4 && (await scrollY()) - y0 >= distancePx - 2) break;
    }
    await page.waitForTimeout(300);
    const r = await page.evaluate((sel) => {
      const s = (window as unknown as { __scroll: { deltas: number[]; longTasks: number[]; lt: boolean; stop: boolean } }).__scroll;
      s.stop = true;
      const list = document.querySelector(sel)!.getBoundingClientRect();
      return { deltas: s.deltas, longTasks: s.lt ? s.longTasks : null, bottomGap: list.bottom - window.innerHeight };
    }, LIST);
    const deltas = r.deltas;
    const sum = deltas.reduce((a, b) => a + b, 0);
    return {
      loadAvg,
      distancePx,
      reachedBottom: r.bottomGap <= 2,
      durationMs: sum,
      frames: deltas.length,
      fps: deltas.length / (sum / 1000),
      p95FrameMs: percentile(deltas, 95),
      maxFrameMs: Math.max(...deltas),
      longFrames: deltas.filter((d) => d > 50).length,
      longTasks: r.longTasks ? r.longTasks.length : null,
      longTaskMs: r.longTasks ? r.longTasks.reduce((a, b) => a + b, 0) : null,
      frameDeltas: deltas,
    };
  } finally {
    await t.close();
  }
}

/** Opens the page, then presses the first "Next" `times` times, timing each page change in the page itself. */
export async function measurePaging(browser: Browser, url: string, times = 5): Promise<PageChange[]> {
  const t = await openExplorer(browser, url);
  const { page } = t;
  const out: PageChange[] = [];
  try {
    await scrollToExplorer(page);
    for (let i = 0; i < times; i++) {
      const loadAvg = loadavg()[0]!;
      const r = (await page.evaluate(`(${NEXT_PAGE})(${i + 1})`)) as { shownMs: number; apiMs: number; dataMs: number };
      out.push({ loadAvg, page: i + 2, ...r });
      await page.waitForTimeout(500);
    }
    return out;
  } finally {
    await t.close();
  }
}

/** One "Next" press on a freshly opened explorer, traced: where the main thread's time goes during a page change. */
export async function tracedPageChange(browser: Browser, url: string): Promise<{ change: PageChange; trace: Breakdown }> {
  const t = await openExplorer(browser, url);
  try {
    await scrollToExplorer(t.page);
    const loadAvg = loadavg()[0]!;
    let r = { shownMs: NaN, apiMs: NaN, dataMs: NaN };
    const trace = await traced(browser, t.page, async () => {
      r = (await t.page.evaluate(`(${NEXT_PAGE})(1)`)) as typeof r;
    });
    return { change: { loadAvg, page: 2, ...r }, trace };
  } finally {
    await t.close();
  }
}
