// Benchmarks the streaming log importer on a 100,000-line JSONL prompt log built from AlpacaEval instructions
// (prompts) and model outputs (recorded answers), so line sizes are realistic (~2 KB on average).
// Run: npx tsx scripts/bench/import.ts [--lines N] [--keep]
//      node --expose-gc --import tsx scripts/bench/import.ts   (heap figures after a forced GC)
// Data: $ALPACA_EVAL_DIR, else ../shared/data/alpaca-eval beside the repo root (read, never copied into the repo).
import { createReadStream, createWriteStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import { readCases, scanImport } from "../../lib/import";

const ALPACA_DIR = process.env.ALPACA_EVAL_DIR ?? path.resolve(__dirname, "../../../shared/data/alpaca-eval");
const SYSTEM_PROMPTS = [
  null,
  "You are a helpful assistant.",
  "You are a customer support assistant for an online shop. Be concise and friendly, and never invent order details.",
];

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

/** Deterministic PRNG (mulberry32) so every run writes the same file. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Output {
  instruction: string;
  output: string;
  generator: string;
}

function loadAlpaca(): Output[] {
  if (!existsSync(ALPACA_DIR)) throw new Error(`AlpacaEval data not found at ${ALPACA_DIR} (set ALPACA_EVAL_DIR)`);
  const all: Output[] = [];
  for (const model of readdirSync(ALPACA_DIR)) {
    const file = path.join(ALPACA_DIR, model, "model_outputs.json");
    if (existsSync(file)) all.push(...(JSON.parse(readFileSync(file, "utf8")) as Output[]));
  }
  return all;
}

async function writeLog(file: string, lines: number): Promise<void> {
  const pool = loadAlpaca();
  const rand = rng(42);
  const out = createWriteStream(file);
  for (let i = 0; i < lines; i++) {
    const o = pool[Math.floor(rand() * pool.length)]!;
    const system = SYSTEM_PROMPTS[i % SYSTEM_PROMPTS.length];
    // Most production prompts carry an id of some kind, so most lines are distinct (the duplicate map's worst side).
    const prompt = i % 10 === 0 ? o.instruction : `${o.instruction}\n\n(ticket #${100_000 + i})`;
    const messages = system ? [{ role: "system", content: system }, { role: "user", content: prompt }] : [{ role: "user", content: prompt }];
    const line = JSON.stringify({
      messages,
      response: o.output,
      model: o.generator,
      usage: { prompt_tokens: Math.ceil((prompt.length + (system?.length ?? 0)) / 4), completion_tokens: Math.ceil(o.output.length / 4) },
      latency_ms: Math.round(300 + rand() * 4000),
    });
    if (!out.write(`${line}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

async function measure(label: string, bytes: number, lines: number, run: () => Promise<unknown>): Promise<void> {
  gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 50);
  const started = performance.now();
  await run();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  console.log(
    `${label.padEnd(12)} ${seconds.toFixed(2).padStart(6)} s  ${Math.round(lines / seconds).toLocaleString("en-US").padStart(9)} lines/s  ` +
      `${(bytes / 1048576 / seconds).toFixed(0).padStart(4)} MB/s  peak RSS ${mb(peakRss)} (+${mb(peakRss - base.rss)})  ` +
      `peak heapUsed ${mb(peakHeap)} (+${mb(peakHeap - base.heapUsed)})`,
  );
}

async function main(): Promise<void> {
  const lines = Number(argValue("--lines") ?? 100_000);
  const dir = await mkdtemp(path.join(os.tmpdir(), "tradeoff-bench-import-"));
  const file = path.join(dir, "log.jsonl");
  try {
    await writeLog(file, lines);
    const { size } = await stat(file);
    console.log(`file: ${lines.toLocaleString("en-US")} lines, ${mb(size)} (avg ${Math.round(size / lines)} bytes/line), node ${process.version}, gc ${gc ? "exposed" : "not exposed (heap peaks include garbage)"}`);

    let summary = "";
    await measure("scanImport", size, lines, async () => {
      const r = await scanImport(createReadStream(file), { format: "auto", fileName: file });
      summary = `scanImport: format ${r.format}, ${r.good} good, ${r.badCount} bad, ${r.duplicates} duplicates in ${r.duplicateGroups} groups, ${r.recordedAnswers} recorded answers, ${Object.keys(r.models).length} models`;
    });
    let count = 0;
    await measure("readCases", size, lines, async () => {
      for await (const ev of readCases(createReadStream(file), { format: "jsonl" })) if (ev.type === "case") count++;
    });
    console.log(summary);
    console.log(`readCases: ${count} cases`);
  } finally {
    if (process.argv.includes("--keep")) console.log(`kept ${file}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
