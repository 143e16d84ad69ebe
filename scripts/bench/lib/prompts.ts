// Realistic prompts: AlpacaEval instructions and the recorded answers of one of its models, read at run time from
// $ALPACA_EVAL_DIR or ../shared/data/alpaca-eval beside the repo (never copied into the repo).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./proc";

const ALPACA_DIR = process.env.ALPACA_EVAL_DIR ?? path.resolve(ROOT, "..", "shared", "data", "alpaca-eval");
const RECORDED_MODEL = "gpt-4o-mini-2024-07-18";

interface Output {
  instruction: string;
  output: string;
  generator: string;
}

export interface BenchCase {
  prompt: string;
  answer: string;
  model: string;
}

let cached: Output[] | undefined;

function outputs(): Output[] {
  if (cached) return cached;
  if (!existsSync(ALPACA_DIR)) throw new Error(`AlpacaEval data not found at ${ALPACA_DIR} (set ALPACA_EVAL_DIR)`);
  const dirs = readdirSync(ALPACA_DIR).filter((d) => existsSync(path.join(ALPACA_DIR, d, "model_outputs.json")));
  const dir = dirs.includes(RECORDED_MODEL) ? RECORDED_MODEL : dirs[0];
  if (!dir) throw new Error(`no model_outputs.json under ${ALPACA_DIR}`);
  // Template markers would be rendered by promptfoo's Nunjucks and so differ between the tools: left out.
  cached = (JSON.parse(readFileSync(path.join(ALPACA_DIR, dir, "model_outputs.json"), "utf8")) as Output[]).filter(
    (o) => !/\{\{|\{%|\{#/.test(o.instruction),
  );
  return cached;
}

/** n cases in the dataset's order; past its ~800 instructions they repeat with a ticket number, so every prompt differs. */
export function benchCases(n: number): BenchCase[] {
  const all = outputs();
  return Array.from({ length: n }, (_, i) => {
    const o = all[i % all.length]!;
    const prompt = i < all.length ? o.instruction : `${o.instruction}\n\n(ticket #${100_000 + i})`;
    return { prompt, answer: o.output, model: o.generator };
  });
}

/** A JSONL prompt log; with `recorded`, each line carries the production answer, its usage and latency. */
export function writeLog(file: string, cases: BenchCase[], recorded: boolean): void {
  const lines = cases.map((c) =>
    JSON.stringify(
      recorded
        ? {
            messages: [{ role: "user", content: c.prompt }],
            response: c.answer,
            model: c.model,
            usage: { prompt_tokens: Math.ceil(c.prompt.length / 4), completion_tokens: Math.ceil(c.answer.length / 4) },
            latency_ms: 800,
          }
        : { messages: [{ role: "user", content: c.prompt }] },
    ),
  );
  writeFileSync(file, `${lines.join("\n")}\n`);
}
