// Fan-out overhead: one prompt x 7 stub models (latency=300) through POST /api/compare on the production app, minus
// the slowest model's time as the stub saw it. Side by side in the same run: the same 7 calls made with node:http straight
// to the Portkey gateway (the gateway's own share), and straight to the stub (the floor of this harness).
// Needs a production build first:  NEXT_DIST_DIR=.next-f npx next build
// Run: npx tsx scripts/bench/fanout.ts [--runs 40] [--warmup 5] [--latency 300] [--profile]
//   --profile: the app runs under node --cpu-prof; its main-thread profile is summarised after it stops.
import { mkdtempSync, rmSync } from "node:fs";
import type http from "node:http";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { mainThreadProfile, summariseProfile } from "./lib/cpu-profile";
import { benchCases } from "./lib/prompts";
import { afterStop, runBench } from "./lib/proc";
import { chat, direct, newAgent, viaGateway, type Target } from "./lib/load";
import { answerModels, appUrl, freshDb, gatewayUrl, seedModels, startApp, startGateway, startStub, stubClear, stubLog, stubUrl } from "./lib/services";
import { arg, flag, fmt, percentile, printTable } from "./lib/stats";

const RUNS = arg("--runs", 40);
const WARMUP = arg("--warmup", 5);
const LATENCY = arg("--latency", 300);
const MODELS = answerModels(7, LATENCY);

const epochNow = () => performance.timeOrigin + performance.now();

interface Upstream {
  /** Longest endedAt - startedAt: the slowest model as the stub saw it. */
  slowest: number;
  firstStart: number;
  lastStart: number;
  lastEnd: number;
}

/** The stub's view of the calls since the last clear (epoch ms, same clock as epochNow on this machine). */
async function upstream(expected: number): Promise<Upstream> {
  const log = await stubLog();
  if (log.length !== expected || log.some((e) => e.status !== 200 || e.endedAt === null)) {
    throw new Error(`expected ${expected} successful stub calls, saw ${JSON.stringify(log.map((e) => [e.model, e.status]))}`);
  }
  const starts = log.map((e) => e.startedAt);
  return { slowest: Math.max(...log.map((e) => e.endedAt! - e.startedAt)), firstStart: Math.min(...starts), lastStart: Math.max(...starts), lastEnd: Math.max(...log.map((e) => e.endedAt!)) };
}

interface AppTimes {
  /** Epoch ms of the request start; the others are ms after it. */
  t0: number;
  started: number;
  lastCell: number;
  end: number;
}

async function viaApp(prompt: string): Promise<AppTimes> {
  const epoch0 = epochNow();
  const t0 = performance.now();
  const res = await fetch(`${appUrl()}/api/compare`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ prompt, models: MODELS.map((m) => m.slug) }),
  });
  if (!res.ok || !res.body) throw new Error(`compare answered ${res.status}: ${await res.text()}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buf = "";
  let started = NaN;
  let lastCell = NaN;
  let cells = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const now = performance.now() - t0;
    buf += decoder.decode(value, { stream: true });
    let i: number;
    while ((i = buf.indexOf("\n")) >= 0) {
      const ev = JSON.parse(buf.slice(0, i)) as { type: string; outcome?: { status: string } };
      buf = buf.slice(i + 1);
      if (ev.type === "started") started = now;
      if (ev.type === "cell") {
        if (ev.outcome?.status !== "done") throw new Error(`a cell failed: ${JSON.stringify(ev)}`);
        cells++;
        lastCell = now;
      }
    }
  }
  if (cells !== MODELS.length) throw new Error(`expected ${MODELS.length} cells, got ${cells}`);
  return { t0: epoch0, started, lastCell, end: performance.now() - t0 };
}

/** The 7 calls in parallel over one keep-alive agent per path, kept across runs like the app's connection pool. */
async function parallel(target: Target, agent: http.Agent, prompt: string): Promise<number> {
  const t0 = performance.now();
  await Promise.all(MODELS.map((m, i) => chat(target, agent, m.upstream, prompt, `bench-fanout-${i}-${Date.now()}`)));
  return performance.now() - t0;
}

async function main(): Promise<void> {
  await startStub();
  await startGateway();
  const db = freshDb("fanout");
  seedModels(db, MODELS);
  const profDir = flag("--profile") ? mkdtempSync(path.join(tmpdir(), "tradeoff-bench-fanout-")) : undefined;
  if (profDir) afterStop(() => rmSync(profDir, { recursive: true, force: true }));
  const app = await startApp(db, profDir ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : []);
  const gateway = viaGateway(gatewayUrl(), `${stubUrl()}/v1`);
  const stub = direct(`${stubUrl()}/v1`);
  const [gatewayAgent, stubAgent] = [newAgent(), newAgent()];
  const prompts = benchCases(WARMUP + RUNS).map((c) => c.prompt);
  const s = { toStarted: [] as number[], lastCell: [] as number[], end: [] as number[], gateway: [] as number[], stub: [] as number[], upstream: [] as number[], pre: [] as number[], spread: [] as number[], post: [] as number[] };
  const load = loadavg()[0]!;

  for (let i = 0; i < WARMUP + RUNS; i++) {
    const prompt = prompts[i]!;
    // Alternate the order so neither path always runs on a machine just warmed (or tired) by the other.
    const steps = [
      async () => {
        await stubClear();
        const t = await viaApp(prompt);
        const up = await upstream(MODELS.length);
        if (i >= WARMUP) {
          s.toStarted.push(t.started);
          s.lastCell.push(t.lastCell - up.slowest);
          s.end.push(t.end - up.slowest);
          s.upstream.push(up.slowest);
          s.pre.push(up.firstStart - t.t0);
          s.spread.push(up.lastStart - up.firstStart);
          s.post.push(t.t0 + t.lastCell - up.lastEnd);
        }
      },
      async () => {
        await stubClear();
        const ms = await parallel(gateway, gatewayAgent, prompt);
        const up = await upstream(MODELS.length);
        if (i >= WARMUP) s.gateway.push(ms - up.slowest);
      },
      async () => {
        await stubClear();
        const ms = await parallel(stub, stubAgent, prompt);
        const up = await upstream(MODELS.length);
        if (i >= WARMUP) s.stub.push(ms - up.slowest);
      },
    ];
    for (const step of i % 2 ? steps.reverse() : steps) await step();
  }

  const row = (name: string, v: number[]) => [name, fmt(percentile(v, 50)), fmt(percentile(v, 95)), fmt(Math.min(...v)), fmt(Math.max(...v))];
  printTable(
    `Fan-out overhead, 1 prompt x ${MODELS.length} models at latency=${LATENCY} ms, ${RUNS} runs after ${WARMUP} warm-ups (ms; overhead = end-to-end minus the slowest call as the stub saw it)`,
    ["path", "p50", "p95", "min", "max"],
    [
      row("app: request -> last cell event", s.lastCell),
      row("app: request -> stream end", s.end),
      row("gateway direct: 7 calls in parallel", s.gateway),
      row("stub direct: 7 calls in parallel", s.stub),
      row("app: request -> started event (absolute)", s.toStarted),
      row("slowest upstream call (stub-side, absolute)", s.upstream),
    ],
  );
  printTable("Where the app's time goes (ms; stub clock vs this process's clock, same machine)", ["phase", "p50", "p95", "min", "max"], [
    row("request -> first upstream call starts", s.pre),
    row("first -> last of the 7 upstream call starts", s.spread),
    row("last upstream call ends -> last cell event", s.post),
  ]);
  if (profDir) {
    await app.stop(); // the profile is written when the app exits
    const p = summariseProfile(mainThreadProfile(profDir), 15);
    printTable(`App CPU profile (${fmt(p.totalMs / 1000, 1)} s profiled, warm-ups included): self time by area`, ["area", "ms", "share"], p.areas.map((a) => [a.area, fmt(a.ms, 0), `${fmt(100 * a.share, 1)} %`]));
    printTable("Hottest functions (self time)", ["function", "ms", "share"], p.functions.map((f) => [f.name.slice(0, 90), fmt(f.ms, 0), `${fmt(100 * f.share, 1)} %`]));
  }
  console.log(`\ntarget: app p50 (last cell) <= 20 ms -> ${percentile(s.lastCell, 50) <= 20 ? "met" : "missed"}; load average (1 min) at start ${load.toFixed(2)}, at end ${loadavg()[0]!.toFixed(2)}`);
}

runBench(main);
