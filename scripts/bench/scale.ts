// How cost grows with the log: CLI replay of 100, 1,000 and 10,000 cases x 1 candidate, no judge, the baseline's answers
// recorded in the log (so only the candidate is called), stub at latency=20, concurrency 64. Wall time, call phase and
// peak RSS of the engine per size (median of --repeat runs, each on a fresh database): is time linear, memory flat?
// Run: npx tsx scripts/bench/scale.ts [--sizes 100,1000,10000] [--repeat 3] [--concurrency 64] [--latency 20]
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { CLI_MARKS, cliPhases, cliReplayArgs, measureCommand, type Phase } from "./lib/measure";
import { afterStop, runBench } from "./lib/proc";
import { benchCases, writeLog } from "./lib/prompts";
import { freshDb, gatewayUrl, seedModels, startGateway, startStub, stubClear, stubLog, stubThroughput } from "./lib/services";
import { arg, fmt, listArg, median, printTable } from "./lib/stats";

const SIZES = listArg("--sizes", [100, 1000, 10_000]);
const REPEAT = arg("--repeat", 3);
const CONCURRENCY = arg("--concurrency", 64);
const LATENCY = arg("--latency", 20);
const MODELS = [
  { slug: "bench-base", upstream: `stub:latency=${LATENCY},usage=50/100,seed=base` },
  { slug: "bench-cand", upstream: `stub:latency=${LATENCY},usage=50/100,seed=cand` },
];

interface Sample {
  wallSec: number;
  phaseSec: number;
  perSec: number;
  rssMb: number;
  phases: Phase[];
}

async function main(): Promise<void> {
  await startStub();
  await startGateway();
  const dir = mkdtempSync(path.join(tmpdir(), "tradeoff-bench-scale-"));
  afterStop(() => rmSync(dir, { recursive: true, force: true }));
  const samples = new Map<number, Sample[]>(SIZES.map((n) => [n, []]));
  const load0 = loadavg()[0]!;

  for (let r = 0; r < REPEAT; r++) {
    for (const n of SIZES) {
      const log = path.join(dir, `log-${n}.jsonl`);
      writeLog(log, benchCases(n), true);
      const db = freshDb(`scale-${n}`);
      seedModels(db, MODELS);
      await stubClear();
      const run = await measureCommand("cli", process.execPath, cliReplayArgs(log, { baseline: MODELS[0]!.slug, candidates: [MODELS[1]!.slug], concurrency: CONCURRENCY }), {
        DATABASE_URL: db,
        PORTKEY_GATEWAY_URL: gatewayUrl(),
      }, CLI_MARKS);
      if (run.exitCode !== 0) throw new Error(`CLI exited ${run.exitCode}:\n${run.output.slice(-3000)}`);
      const t = stubThroughput(await stubLog());
      if (t.calls !== n || t.failed) throw new Error(`expected ${n} successful calls, the stub saw ${t.calls} (${t.failed} failed)`);
      const ph = cliPhases(run, t.firstStart, t.lastEnd);
      samples.get(n)!.push({ wallSec: run.wallSec, phaseSec: t.spanSec, perSec: t.perSec, rssMb: run.timeMaxRssMb ?? run.peakProcessMb, phases: ph });
      console.log(`run ${r + 1}/${REPEAT}, ${n} cases: wall ${fmt(run.wallSec)} s, call phase ${fmt(t.spanSec)} s, ${fmt(t.perSec, 0)} calls/s, peak RSS ${fmt(run.peakProcessMb, 0)} MB`);
    }
  }

  const base = SIZES[0]!;
  const m = (n: number, k: Exclude<keyof Sample, "phases">) => median(samples.get(n)!.map((s) => s[k]));
  printTable(
    `CLI replay, N cases x 1 candidate (baseline recorded, no judge), stub latency ${LATENCY} ms, concurrency ${CONCURRENCY}; medians of ${REPEAT} runs`,
    ["cases", "wall s", "call phase s", "calls/s", "ms per case (wall)", "wall vs x" + base, "engine peak RSS MB"],
    SIZES.map((n) => [
      n.toLocaleString("en-US"),
      fmt(m(n, "wallSec")),
      fmt(m(n, "phaseSec")),
      fmt(m(n, "perSec"), 0),
      fmt((1000 * m(n, "wallSec")) / n, 2),
      `${fmt(m(n, "wallSec") / m(base, "wallSec"), 1)}x for ${fmt(n / base, 0)}x cases`,
      fmt(m(n, "rssMb"), 0),
    ]),
  );
  const names = samples.get(base)![0]!.phases.map((p) => p.name);
  const phaseMed = (n: number, i: number, k: "sec" | "peakRssMb") => median(samples.get(n)!.map((s) => s.phases[i]![k]));
  printTable("Where the time goes: seconds per stretch of the CLI run (medians)", ["stretch", ...SIZES.map((n) => `${n.toLocaleString("en-US")} cases`)], names.map((name, i) => [name, ...SIZES.map((n) => fmt(phaseMed(n, i, "sec")))]));
  printTable("Where the memory goes: peak RSS (MB, polled every 100 ms) within each stretch (medians)", ["stretch", ...SIZES.map((n) => `${n.toLocaleString("en-US")} cases`)], names.map((name, i) => [name, ...SIZES.map((n) => fmt(phaseMed(n, i, "peakRssMb"), 0))]));
  console.log(`\nload average (1 min) at start ${load0.toFixed(2)}, at end ${loadavg()[0]!.toFixed(2)}`);
}

runBench(main);
