// Where a page's main-thread time goes during one action: a Chrome trace (browser.startTracing) of the renderer's main
// thread, each event's self time (its duration minus its children's), summed by kind (script, style, layout, paint…).
import type { Browser, Page } from "@playwright/test";

const CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "toplevel", "blink.user_timing", "disabled-by-default-v8.gc"];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

const KINDS: [string, RegExp][] = [
  ["script (JS run + compile)", /^(FunctionCall|EvaluateScript|v8\.|V8\.(Execute|Compile|Run)|RunMicrotasks|TimerFire|EventDispatch|FireAnimationFrame|FireIdleCallback|XHR|CompileScript|CompileCode|CacheScript|ScriptStreamer)/],
  ["garbage collection", /(GC|Gc|gc)($|[^a-z])|^BlinkGC|^MinorGC|^MajorGC/],
  ["style recalc", /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet)/],
  ["layout", /^(Layout|UpdateLayout)$/],
  ["paint + composite", /^(Paint|PrePaint|Layerize|UpdateLayer|UpdateLayerTree|CompositeLayers|Commit|PaintImage|Decode|RasterTask)/],
  ["HTML parse", /^ParseHTML/],
];

export interface Breakdown {
  wallMs: number;
  busyMs: number;
  kinds: { kind: string; ms: number }[];
  top: { name: string; ms: number }[];
}

export function breakdown(traceJson: Buffer): Breakdown {
  const parsed = JSON.parse(traceJson.toString("utf8")) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mains = new Set(events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  // Complete events per thread; B/E pairs are folded into complete ones.
  const byThread = new Map<string, { name: string; ts: number; dur: number }[]>();
  const open = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key)) continue;
    const list = byThread.get(key) ?? byThread.set(key, []).get(key)!;
    if (e.ph === "X" && e.dur !== undefined) list.push({ name: e.name, ts: e.ts, dur: e.dur });
    else if (e.ph === "B") (open.get(key) ?? open.set(key, []).get(key)!).push(e);
    else if (e.ph === "E") {
      const b = open.get(key)?.pop();
      if (b) list.push({ name: b.name, ts: b.ts, dur: e.ts - b.ts });
    }
  }
  // The page's renderer is the busiest main thread.
  const [, list] = [...byThread.entries()].sort((a, b) => total(b[1]) - total(a[1]))[0] ?? ["", []];
  list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map<string, number>();
  const stack: { name: string; end: number; self: number }[] = [];
  const flush = (n: { name: string; self: number }) => self.set(n.name, (self.get(n.name) ?? 0) + Math.max(0, n.self));
  let busy = 0;
  for (const e of list) {
    while (stack.length && stack[stack.length - 1]!.end <= e.ts) flush(stack.pop()!);
    const parent = stack[stack.length - 1];
    if (parent) parent.self -= Math.min(e.dur, parent.end - e.ts);
    else busy += e.dur;
    stack.push({ name: e.name, end: e.ts + e.dur, self: e.dur });
  }
  while (stack.length) flush(stack.pop()!);
  const first = list[0]?.ts ?? 0;
  const last = Math.max(0, ...list.map((e) => e.ts + e.dur));
  const kinds = new Map<string, number>();
  for (const [name, us] of self) {
    const kind = KINDS.find(([, re]) => re.test(name))?.[0] ?? "other (task overhead, idle callbacks…)";
    kinds.set(kind, (kinds.get(kind) ?? 0) + us);
  }
  return {
    wallMs: (last - first) / 1000,
    busyMs: busy / 1000,
    kinds: [...kinds.entries()].map(([kind, us]) => ({ kind, ms: us / 1000 })).sort((a, b) => b.ms - a.ms),
    top: [...self.entries()].map(([name, us]) => ({ name, ms: us / 1000 })).sort((a, b) => b.ms - a.ms).slice(0, 8),
  };
}

function total(list: { dur: number }[]): number {
  return list.reduce((s, e) => s + e.dur, 0);
}

/** Runs `action` with the browser tracing and returns the breakdown of the page's main thread. */
export async function traced(browser: Browser, page: Page, action: () => Promise<unknown>): Promise<Breakdown> {
  await browser.startTracing(page, { categories: CATEGORIES });
  let failure: unknown = null;
  try {
    await action();
  } catch (err) {
    failure = err ?? new Error("traced action failed");
  }
  const buf = await browser.stopTracing();
  if (failure) throw failure;
  return breakdown(buf);
}
