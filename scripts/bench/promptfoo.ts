// Tradeoff vs promptfoo 0.121.20 on one workload: N prompts x 7 stub models (latency 100 ms), no judging, concurrency 64.
// promptfoo calls the stub directly (openai:chat provider with apiBaseUrl, as it is used with OpenAI) and, for the same
// hop count as Tradeoff, through the Portkey gateway; Tradeoff's CLI replay starts its own gateway (so the gateway is in
// its process tree) and stores every call in SQLite, which promptfoo with --no-write does not.
// Wall time and peak RSS per tool; medians of --repeat runs, the tools interleaved in each round.
// Run: npx tsx scripts/bench/promptfoo.ts [--cases 1000] [--repeat 3] [--concurrency 64] [--latency 100]
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { viaGateway } from "./lib/load";
import { cliReplayArgs, GNU_TIME, measureCommand, type Measured } from "./lib/measure";
import { afterStop, runBench } from "./lib/proc";
import { benchCases, writeLog } from "./lib/prompts";
import { promptfooArgs, promptfooEntrypoint, promptfooEnv, promptfooErrors, PROMPTFOO_VERSION, writePromptfooConfig } from "./lib/promptfoo";
import { answerModels, freshDb, gatewayUrl, seedModels, startGateway, startStub, stubClear, stubLog, stubUrl } from "./lib/services";
import { arg, fmt, median, printTable } from "./lib/stats";

const CASES = arg("--cases", 1000);
const REPEAT = arg("--repeat", 3);
const CONCURRENCY = arg("--concurrency", 64);
const LATENCY = arg("--latency", 100);
const MODELS = answerModels(7, LATENCY);
/** Nothing listens on port 1, so the CLI starts its own gateway, as it does for a user without one running. */
const NO_GATEWAY = "http://127.0.0.1:1/v1";

async function main(): Promise<void> {
  await startStub();
  await startGateway();
  const dir = mkdtempSync(path.join(tmpdir(), "tradeoff-bench-promptfoo-"));
  afterStop(() => rmSync(dir, { recursive: true, force: true }));
  const pfHome = path.join(dir, "promptfoo-home");
  mkdirSync(pfHome);
  const entry = promptfooEntrypoint(pfHome);
  const prompts = benchCases(CASES).map((c) => c.prompt);
  const direct = path.join(dir, "config.yaml");
  const viaGw = path.join(dir, "config-gateway.yaml");
  writePromptfooConfig(direct, prompts, MODELS, `${stubUrl()}/v1`);
  const { "x-portkey-config": portkeyConfig } = viaGateway(gatewayUrl(), `${stubUrl()}/v1`).headers;
  writePromptfooConfig(viaGw, prompts, MODELS, gatewayUrl(), { "x-portkey-config": portkeyConfig! });
  const log = path.join(dir, "log.jsonl");
  writeLog(log, benchCases(CASES), false);
  const expected = CASES * MODELS.length;

  const out = path.join(dir, "out.json");
  const tools: { name: string; out?: string; run: (round: number) => Promise<Measured> }[] = [
    {
      name: "promptfoo -> stub",
      out,
      run: () => measureCommand("promptfoo", process.execPath, promptfooArgs(entry, direct, out, CONCURRENCY), promptfooEnv(pfHome)),
    },
    {
      name: "promptfoo -> gateway -> stub",
      out,
      run: () => measureCommand("promptfoo", process.execPath, promptfooArgs(entry, viaGw, out, CONCURRENCY), promptfooEnv(pfHome)),
    },
    {
      name: "Tradeoff CLI -> own gateway -> stub",
      run: async (round) => {
        const db = freshDb(`promptfoo-${round}`);
        seedModels(db, MODELS);
        const args = cliReplayArgs(log, { baseline: MODELS[0]!.slug, candidates: MODELS.slice(1).map((m) => m.slug), concurrency: CONCURRENCY });
        return measureCommand("cli", process.execPath, args, { DATABASE_URL: db, PORTKEY_GATEWAY_URL: NO_GATEWAY });
      },
    },
  ];
  const results = new Map<string, Measured[]>(tools.map((t) => [t.name, []]));
  const errorCounts = new Map<string, number[]>(tools.map((t) => [t.name, []]));
  const load0 = loadavg()[0]!;

  for (let round = 0; round < REPEAT; round++) {
    for (const tool of round % 2 ? [...tools].reverse() : tools) {
      await stubClear();
      const m = await tool.run(round);
      const answered = (await stubLog()).filter((e) => e.status === 200).length;
      // promptfoo exits 100 when some test cases errored; those are counted and shown, not hidden.
      if (m.exitCode !== 0 && !(tool.out && m.exitCode === 100)) throw new Error(`${tool.name}: exit ${m.exitCode}\n${m.output.slice(-3000)}`);
      const errors = tool.out ? promptfooErrors(tool.out) : { count: expected - answered, messages: [] };
      if (answered + errors.count < expected) throw new Error(`${tool.name}: only ${answered} of ${expected} calls answered\n${m.output.slice(-3000)}`);
      results.get(tool.name)!.push(m);
      errorCounts.get(tool.name)!.push(errors.count);
      console.log(`round ${round + 1}/${REPEAT} ${tool.name}: ${fmt(m.wallSec)} s, tree peak ${fmt(m.peakTreeRssMb, 0)} MB, largest process ${fmt(m.timeMaxRssMb ?? m.peakProcessMb, 0)} MB, CPU ${fmt(m.cpuSec)} s, ${errors.count} errors${errors.messages.length ? `: ${errors.messages.join(" | ")}` : ""}`);
    }
  }

  const med = (name: string, k: (m: Measured) => number) => median(results.get(name)!.map(k));
  const wall = (m: Measured) => m.wallSec;
  const tree = (m: Measured) => m.peakTreeRssMb;
  const largest = (m: Measured) => m.timeMaxRssMb ?? m.peakProcessMb;
  const cpu = (m: Measured) => m.cpuSec;
  const rows = tools.map((t) => [t.name, fmt(med(t.name, wall)), fmt(expected / med(t.name, wall), 0), fmt(med(t.name, tree), 0), fmt(med(t.name, largest), 0), fmt(med(t.name, cpu)), errorCounts.get(t.name)!.join("/")]);
  printTable(
    `${CASES} prompts x ${MODELS.length} models = ${expected} calls, no judging, concurrency ${CONCURRENCY}, stub latency ${LATENCY} ms; promptfoo ${PROMPTFOO_VERSION}; medians of ${REPEAT} runs`,
    ["tool", "wall s", "calls/s", "tree peak RSS MB", `largest process MB${GNU_TIME ? " (time -v)" : ""}`, "CPU s", "errors per run"],
    rows,
  );
  const [pf, pfGw, tr] = tools.map((t) => t.name) as [string, string, string];
  const ratio = (k: (m: Measured) => number, other: string) => fmt(med(tr, k) / med(other, k), 2);
  printTable("Ratios, Tradeoff / promptfoo", ["vs", "wall", "tree peak RSS", "largest process RSS", "CPU"], [
    [pf, ratio(wall, pf), ratio(tree, pf), ratio(largest, pf), ratio(cpu, pf)],
    [pfGw, ratio(wall, pfGw), ratio(tree, pfGw), ratio(largest, pfGw), ratio(cpu, pfGw)],
  ]);
  console.log(`\n(promptfoo -> gateway: the gateway is the benchmark's own, so neither its RSS nor its CPU is in promptfoo's tree.)`);
  console.log(`load average (1 min) at start ${load0.toFixed(2)}, at end ${loadavg()[0]!.toFixed(2)}`);
}

runBench(main);
