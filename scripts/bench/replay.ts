// Replay throughput: N cases x M models + judging through the CLI (`tradeoff replay`) at concurrency 64 with every
// stub call at 100 ms; achieved calls/s vs the ideal (concurrency / latency), peak RSS of the engine process, and the
// CPU each process burned per call. In the same rounds, the ceilings without the engine: raw node:http -> gateway -> stub
// and raw node:http -> stub at the same concurrency. Medians of --repeat rounds.
// Run: npx tsx scripts/bench/replay.ts [--cases 1000] [--models 7] [--concurrency 64] [--latency 100] [--raw 3000]
//        [--repeat 3] [--profile]   (--profile: node --cpu-prof on the engine in the last round, summarised)
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { mainThreadProfile, summariseProfile } from "./lib/cpu-profile";
import { closedLoop, direct, viaGateway, type Target } from "./lib/load";
import { CLI_MARKS, cliPhases, cliReplayArgs, measureCommand, type Phase } from "./lib/measure";
import { afterStop, runBench } from "./lib/proc";
import { cpuSeconds } from "./lib/procfs";
import { benchCases, writeLog } from "./lib/prompts";
import { answerModels, freshDb, gatewayUrl, judgeModel, seedModels, startGateway, startStub, stubClear, stubLog, stubThroughput, stubUrl } from "./lib/services";
import { arg, flag, fmt, median, printTable } from "./lib/stats";

const CASES = arg("--cases", 1000);
const MODEL_COUNT = arg("--models", 7);
const CONCURRENCY = arg("--concurrency", 64);
const LATENCY = arg("--latency", 100);
const RAW_CALLS = arg("--raw", 3000);
const REPEAT = arg("--repeat", 3);
const IDEAL = CONCURRENCY / (LATENCY / 1000);
const EXPECTED = CASES * MODEL_COUNT * 2;

/** Runs `fn` and returns its result with the CPU seconds each pid spent meanwhile. */
async function withCpu<T>(pids: number[], fn: () => Promise<T>): Promise<[T, number[]]> {
  const before = pids.map(cpuSeconds);
  const r = await fn();
  return [r, pids.map((p, i) => cpuSeconds(p) - before[i]!)];
}

async function main(): Promise<void> {
  const stub = await startStub();
  const gateway = await startGateway();
  const pids = [stub.pid, gateway.pid];
  const cases = benchCases(CASES);
  const prompts = cases.map((c) => c.prompt);
  const upstream = `stub:latency=${LATENCY},usage=50/100`;
  const targets: [string, Target][] = [
    ["raw node:http -> stub", direct(`${stubUrl()}/v1`)],
    ["raw node:http -> gateway -> stub", viaGateway(gatewayUrl(), `${stubUrl()}/v1`)],
  ];
  const models = answerModels(MODEL_COUNT, LATENCY);
  const judge = judgeModel(LATENCY);
  const dir = mkdtempSync(path.join(tmpdir(), "tradeoff-bench-replay-"));
  afterStop(() => rmSync(dir, { recursive: true, force: true }));
  const log = path.join(dir, "log.jsonl");
  writeLog(log, cases, false);
  const raw = new Map<string, { perSec: number; cpuMs: number[] }[]>(targets.map(([n]) => [n, []]));
  const runs: { perSec: number; phaseSec: number; wallSec: number; rssMb: number; cpuMs: number[]; phases: Phase[] }[] = [];
  const load0 = loadavg()[0]!;

  for (let round = 0; round < REPEAT; round++) {
    for (const [name, target] of targets) {
      await closedLoop(target, upstream, prompts, Math.min(500, RAW_CALLS), CONCURRENCY); // warm-up
      const [r, cpu] = await withCpu(pids, () => closedLoop(target, upstream, prompts, RAW_CALLS, CONCURRENCY));
      raw.get(name)!.push({ perSec: r.perSec, cpuMs: cpu.map((c) => (1000 * c) / RAW_CALLS) });
    }

    const db = freshDb("replay");
    seedModels(db, [...models, judge]);
    const profDir = flag("--profile") && round === REPEAT - 1 ? path.join(dir, "prof") : undefined;
    await stubClear();
    const args = cliReplayArgs(log, { baseline: models[0]!.slug, candidates: models.slice(1).map((m) => m.slug), judge: judge.slug, concurrency: CONCURRENCY, cpuProfDir: profDir });
    const [run, cpu] = await withCpu(pids, () => measureCommand("cli", process.execPath, args, { DATABASE_URL: db, PORTKEY_GATEWAY_URL: gatewayUrl() }, CLI_MARKS));
    if (run.exitCode !== 0) throw new Error(`CLI exited ${run.exitCode}:\n${run.output.slice(-3000)}`);
    const t = stubThroughput(await stubLog());
    if (t.calls !== EXPECTED || t.failed) throw new Error(`expected ${EXPECTED} successful calls, the stub saw ${t.calls} (${t.failed} failed)`);
    const cpuMs = [run.cpuSec, ...cpu].map((c) => (1000 * c) / t.calls);
    runs.push({ perSec: t.perSec, phaseSec: t.spanSec, wallSec: run.wallSec, rssMb: run.timeMaxRssMb ?? run.peakProcessMb, cpuMs, phases: cliPhases(run, t.firstStart, t.lastEnd) });
    console.log(`round ${round + 1}/${REPEAT}: ${fmt(t.perSec, 0)} calls/s over ${fmt(t.spanSec)} s, CLI wall ${fmt(run.wallSec)} s, engine peak RSS ${fmt(runs.at(-1)!.rssMb, 0)} MB`);

    if (profDir) {
      const p = summariseProfile(mainThreadProfile(profDir));
      printTable(`Engine CPU profile, round ${round + 1} (${fmt(p.totalMs / 1000, 1)} s profiled): self time by area`, ["area", "ms", "share"], p.areas.map((a) => [a.area, fmt(a.ms, 0), `${fmt(100 * a.share, 1)} %`]));
      printTable("Hottest functions (self time)", ["function", "ms", "share"], p.functions.map((f) => [f.name.slice(0, 90), fmt(f.ms, 0), `${fmt(100 * f.share, 1)} %`]));
    }
  }

  const med = <T>(xs: T[], k: (x: T) => number) => median(xs.map(k));
  printTable(
    `Ceilings without the engine: ${RAW_CALLS} calls at concurrency ${CONCURRENCY}, stub latency ${LATENCY} ms (ideal ${fmt(IDEAL, 0)} calls/s); medians of ${REPEAT}`,
    ["path", "calls/s", "% of ideal", "stub CPU ms/call", "gateway CPU ms/call"],
    targets.map(([name]) => {
      const r = raw.get(name)!;
      return [name, fmt(med(r, (x) => x.perSec), 0), fmt((100 * med(r, (x) => x.perSec)) / IDEAL, 0), fmt(med(r, (x) => x.cpuMs[0]!), 2), fmt(med(r, (x) => x.cpuMs[1]!), 2)];
    }),
  );
  const perSec = med(runs, (r) => r.perSec);
  const rss = med(runs, (r) => r.rssMb);
  printTable(`Replay: ${CASES} cases x ${MODEL_COUNT} models + judge = ${EXPECTED} calls, concurrency ${CONCURRENCY}, stub latency ${LATENCY} ms; medians of ${REPEAT}`, ["measure", "value"], [
    ["call phase (first call start -> last call end)", `${fmt(med(runs, (r) => r.phaseSec))} s`],
    ["achieved calls/s over the call phase", fmt(perSec, 0)],
    ["% of ideal", `${fmt((100 * perSec) / IDEAL, 0)} %`],
    ["CLI wall time (start-up, import, run, report)", `${fmt(med(runs, (r) => r.wallSec))} s`],
    ["engine peak RSS", `${fmt(rss, 0)} MB`],
    ["CPU ms per call: engine", fmt(med(runs, (r) => r.cpuMs[0]!), 2)],
    ["CPU ms per call: gateway", fmt(med(runs, (r) => r.cpuMs[2]!), 2)],
    ["CPU ms per call: stub", fmt(med(runs, (r) => r.cpuMs[1]!), 2)],
    ["load average (1 min) at start / end", `${fmt(load0, 2)} / ${fmt(loadavg()[0]!, 2)}`],
  ]);
  printTable("Stretches of the CLI run (medians)", ["stretch", "seconds", "peak RSS MB (polled)"], runs[0]!.phases.map((p, i) => [p.name, fmt(med(runs, (r) => r.phases[i]!.sec)), fmt(med(runs, (r) => r.phases[i]!.peakRssMb), 0)]));
  console.log(`\ntargets: >= 85% of ideal -> ${perSec >= 0.85 * IDEAL ? "met" : "missed"}; engine RSS <= 300 MB -> ${rss <= 300 ? "met" : "missed"}`);
}

runBench(main);
