// The benchmark's results as markdown tables (also printed), with the machine it ran on and how to run it again.
import { execFileSync } from "node:child_process";
import { cpus, freemem, loadavg, totalmem } from "node:os";
import { fmt, median, percentile } from "../lib/stats";
import type { PageChange, ScrollSample } from "./explorer";
import type { LoadSample } from "./page-load";
import type { ServerTiming } from "./server-timing";
import type { Breakdown } from "./trace";

export const TARGET_RENDER_MS = 1500;
export const TARGET_BYTES = 2_000_000;

export interface Summary {
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function summarize(values: number[]): Summary {
  const v = values.filter(Number.isFinite);
  return { median: median(v), p95: percentile(v, 95), min: Math.min(...v), max: Math.max(...v) };
}

const table = (header: string[], rows: (string | number)[][]) =>
  [`| ${header.join(" | ")} |`, `| ${header.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

const kb = (b: number) => fmt(b / 1024, 1);
const verdict = (ok: boolean) => (ok ? "✅ met" : "❌ missed");

export function machineFacts(chromiumVersion: string): string {
  let uptime = "";
  try {
    uptime = execFileSync("uptime", { encoding: "utf8" }).trim();
  } catch {}
  return [
    `- CPU: ${cpus()[0]?.model ?? "?"} — nproc ${cpus().length}`,
    `- memory: ${fmt(totalmem() / 2 ** 30, 1)} GiB total, ${fmt(freemem() / 2 ** 30, 1)} GiB free at the end`,
    `- node ${process.version}; Chromium ${chromiumVersion} (headless, /usr/bin/chromium, switches of playwright.config.ts), viewport 1280×720 (Desktop Chrome)`,
    `- \`uptime\` at the end: ${uptime || `load average ${loadavg().map((l) => l.toFixed(2)).join(", ")}`}`,
  ].join("\n");
}

export interface PageResult {
  name: string;
  samples: LoadSample[];
}

const LOAD_METRICS: [string, (s: LoadSample) => number, "ms" | "KB" | "n"][] = [
  ["time to first byte (ms)", (s) => s.ttfb, "ms"],
  ["first contentful paint (ms)", (s) => s.fcp, "ms"],
  ["DOMContentLoaded (ms)", (s) => s.dcl, "ms"],
  ["recommendation card visible (ms)", (s) => s.recommendation, "ms"],
  ["trade-off table visible (ms)", (s) => s.table, "ms"],
  ["cases API request sent (ms)", (s) => s.casesApiStart, "ms"],
  ["cases API answer received (ms)", (s) => s.casesApiEnd, "ms"],
  ["first page of cases visible (ms)", (s) => s.cases, "ms"],
  ["largest contentful paint (ms)", (s) => s.lcp, "ms"],
  ["load event (ms)", (s) => s.load, "ms"],
  ["bytes transferred (KB)", (s) => s.transfer.bytes, "KB"],
  ["bytes decoded (KB)", (s) => s.transfer.decodedBytes, "KB"],
  ["HTML document transferred (KB)", (s) => s.transfer.htmlBytes, "KB"],
  ["HTML document decoded (KB)", (s) => s.transfer.htmlDecodedBytes, "KB"],
  ["requests", (s) => s.transfer.requests, "n"],
  ["load average (1 min) before the run", (s) => s.loadAvg, "n"],
];

export function loadTable(pages: PageResult[]): string {
  const rows: (string | number)[][] = [];
  for (const p of pages) {
    for (const [label, get, unit] of LOAD_METRICS) {
      const s = summarize(p.samples.map(get));
      const f = (n: number) => (unit === "KB" ? kb(n) : unit === "ms" ? fmt(n, 0) : fmt(n, label.startsWith("load") ? 2 : 0));
      rows.push([p.name, label, f(s.median), f(s.p95), f(s.min), f(s.max)]);
    }
  }
  return table(["page", "metric", "median", "p95", "min", "max"], rows);
}

export function typeTable(pages: PageResult[]): string {
  const types = [...new Set(pages.flatMap((p) => p.samples.flatMap((s) => Object.keys(s.transfer.byType))))].sort();
  const rows = types.map((t) => [
    t,
    ...pages.flatMap((p) => {
      const c = median(p.samples.map((s) => s.transfer.byType[t]?.count ?? 0));
      const b = median(p.samples.map((s) => s.transfer.byType[t]?.bytes ?? 0));
      return [fmt(c, 0), kb(b)];
    }),
  ]);
  return table(["resource type", ...pages.flatMap((p) => [`${p.name} requests`, `${p.name} KB`])], rows);
}

export function targetLines(pages: PageResult[]): string {
  return pages
    .map((p) => {
      const fcp = summarize(p.samples.map((s) => s.fcp));
      const rep = summarize(p.samples.map((s) => s.report));
      const bytes = summarize(p.samples.map((s) => s.transfer.bytes));
      const cases = summarize(p.samples.map((s) => s.cases));
      return (
        `- **${p.name}** — first contentful paint median ${fmt(fcp.median, 0)} ms (p95 ${fmt(fcp.p95, 0)}): ${verdict(fcp.p95 < TARGET_RENDER_MS)}; ` +
        `report rendered (recommendation + trade-off table visible) median ${fmt(rep.median, 0)} ms (p95 ${fmt(rep.p95, 0)}): ${verdict(rep.p95 < TARGET_RENDER_MS)}; ` +
        `sent ${kb(bytes.median)} KB median (max ${kb(bytes.max)} KB) vs 2 MB: ${verdict(bytes.max < TARGET_BYTES)}. ` +
        `Stricter reading, whole page including the explorer's first 20 cases: median ${fmt(cases.median, 0)} ms (p95 ${fmt(cases.p95, 0)}): ${verdict(cases.p95 < TARGET_RENDER_MS)}`
      );
    })
    .join("\n");
}

export function scrollTable(samples: ScrollSample[]): string {
  const rows: (string | number)[][] = samples.map((s, i) => [
    `run ${i + 1}`,
    s.loadAvg.toFixed(2),
    fmt(s.distancePx, 0),
    s.reachedBottom ? "yes" : "no",
    fmt(s.durationMs, 0),
    s.frames,
    fmt(s.fps, 1),
    fmt(s.p95FrameMs, 1),
    fmt(s.maxFrameMs, 0),
    s.longFrames,
    s.longTasks === null ? "n/a" : `${s.longTasks} (${fmt(s.longTaskMs ?? 0, 0)} ms)`,
  ]);
  const all = samples.flatMap((s) => s.frameDeltas);
  rows.push([
    "**all runs pooled**",
    "",
    "",
    "",
    fmt(all.reduce((a, b) => a + b, 0), 0),
    all.length,
    fmt(all.length / (all.reduce((a, b) => a + b, 0) / 1000), 1),
    fmt(percentile(all, 95), 1),
    fmt(Math.max(...all), 0),
    all.filter((d) => d > 50).length,
    "",
  ]);
  return table(["scroll pass", "load avg", "distance px", "reached bottom", "sampled ms", "frames", "frames/s", "p95 frame ms", "max frame ms", "frames > 50 ms", "long tasks (total)"], rows);
}

export function pagingTable(changes: PageChange[]): string {
  const rows: (string | number)[][] = changes.map((c) => [`→ page ${c.page}`, c.loadAvg.toFixed(2), fmt(c.shownMs, 0), fmt(c.apiMs, 0), fmt(c.dataMs, 0), fmt(c.shownMs - c.dataMs, 0)]);
  const mm = (get: (c: PageChange) => number) => {
    const s = summarize(changes.map(get));
    return `${fmt(s.median, 0)} / ${fmt(s.max, 0)}`;
  };
  rows.push(["**median / max**", "", mm((c) => c.shownMs), mm((c) => c.apiMs), mm((c) => c.dataMs), mm((c) => c.shownMs - c.dataMs)]);
  return table(["Next press", "load avg", "click → new cases painted (ms)", "cases API request (ms)", "click → API answer in (ms)", "answer in → painted (ms)"], rows);
}

export function traceTable(runs: { label: string; trace: Breakdown }[]): string {
  const kinds = [...new Set(runs.flatMap((r) => r.trace.kinds.map((k) => k.kind)))];
  const rows: (string | number)[][] = [
    ["traced wall time (first → last main-thread event)", ...runs.map((r) => fmt(r.trace.wallMs, 0))],
    ["main thread busy", ...runs.map((r) => fmt(r.trace.busyMs, 0))],
    ...kinds.map((k) => [`— ${k}`, ...runs.map((r) => fmt(r.trace.kinds.find((x) => x.kind === k)?.ms ?? 0, 0))]),
  ];
  const tops = runs.map((r) => `- ${r.label}: ${r.trace.top.map((t) => `${t.name} ${fmt(t.ms, 0)} ms`).join(", ")}`);
  return [table(["main thread (ms, self time)", ...runs.map((r) => r.label)], rows), "", "Largest trace events by self time:", "", ...tops].join("\n");
}

export function serverTable(rows: { name: string; t: ServerTiming }[]): string {
  return table(
    ["GET (no browser)", "load avg", "headers median / p95 / max (ms)", "full body median / p95 / max (ms)", "body bytes (uncompressed)"],
    rows.map(({ name, t }) => [name, t.loadAvg.toFixed(2), `${fmt(t.ttfb.median, 0)} / ${fmt(t.ttfb.p95, 0)} / ${fmt(t.ttfb.max, 0)}`, `${fmt(t.full.median, 0)} / ${fmt(t.full.p95, 0)} / ${fmt(t.full.max, 0)}`, fmt(t.bytes, 0)]),
  );
}
