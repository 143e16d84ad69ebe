// npm run tradeoff -- <command>: the same engine as the app, for terminals and CI pipelines.
// The recommendation JSON goes to stdout; progress and messages go to stderr. Exit 0 on success, 1 on failure, 2 on usage.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { prepareServices, stopServices } from "./cli/services";
import { progressReporter } from "./cli/progress";

const USAGE = `Usage:
  npm run tradeoff -- run (--prompt TEXT | --prompts FILE) --baseline MODEL --candidates A,B [--judge MODEL] [--concurrency N]
  npm run tradeoff -- replay LOG --baseline MODEL --candidates A,B [--judge MODEL] [--sample N] [--format jsonl|csv|portkey|alpaca] [--concurrency N]
  npm run tradeoff -- resume EXPERIMENT_ID      finish an interrupted run (after a crash or Ctrl+C)
  npm run tradeoff -- report EXPERIMENT_ID      print the recommendation of a stored experiment
  npm run tradeoff -- models                    list models, prices and whether each is connected
Models are slugs from \`npm run tradeoff -- models\` (demo models work with no key).`;

class UsageError extends Error {}

const log = (s: string) => process.stderr.write(`tradeoff: ${s}\n`);

function parse() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      prompt: { type: "string" },
      prompts: { type: "string" },
      baseline: { type: "string" },
      candidates: { type: "string" },
      judge: { type: "string" },
      concurrency: { type: "string" },
      sample: { type: "string" },
      format: { type: "string" },
      "retry-failed": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  return { values, positionals };
}

function intOption(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer`);
  return n;
}

async function runAndReport(id: string, opts: { retryFailed?: boolean } = {}): Promise<number> {
  const { runExperiment } = await import("@/lib/runner/run");
  const { computeReport } = await import("@/lib/report/store");
  const bar = progressReporter();
  const state = { done: 0, failed: 0, total: 0, costUsd: 0 };
  const controller = new AbortController();
  process.once("SIGINT", () => {
    log("stopping after the calls in flight… (resume later with `npm run tradeoff -- resume " + id + "`)");
    controller.abort();
  });
  const status = await runExperiment(id, {
    signal: controller.signal,
    retryFailed: opts.retryFailed,
    onEvent: (e) => {
      if (e.type === "progress") {
        Object.assign(state, { done: e.done, failed: e.failed, total: e.total, costUsd: e.costUsd });
        bar.update(state);
      }
    },
  });
  bar.finish(state);
  const report = await computeReport(id);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (status !== "done") log(`run ${status}; resume with \`npm run tradeoff -- resume ${id}\``);
  return status === "done" ? 0 : 1;
}

async function main(): Promise<number> {
  const { values, positionals } = parse();
  const [command, arg] = positionals;
  if (values.help || !command) {
    process.stderr.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  await prepareServices(log);
  switch (command) {
    case "run": {
      const { createExperimentSchema } = await import("@/lib/schemas/experiment");
      const { createExperimentFromInput } = await import("@/lib/experiments/create");
      if (!values.prompt && !values.prompts) throw new UsageError("give --prompt TEXT or --prompts FILE (one prompt per line, or JSONL)");
      const input = createExperimentSchema.parse({
        ...(values.prompt ? { prompts: [values.prompt] } : { text: readFileSync(values.prompts!, "utf8") }),
        baseline: values.baseline,
        candidates: (values.candidates ?? "").split(",").map((s) => s.trim()).filter(Boolean),
        judge: values.judge ?? null,
        params: { concurrency: intOption(values.concurrency, "concurrency") },
        start: false,
      });
      const { id, cases } = await createExperimentFromInput(input);
      log(`experiment ${id}: ${cases} case(s)`);
      return runAndReport(id);
    }
    case "replay": {
      if (!arg) throw new UsageError("replay needs the log file: npm run tradeoff -- replay log.jsonl …");
      const { replayFromFile } = await import("./cli/replay");
      const id = await replayFromFile(arg, {
        baseline: values.baseline,
        candidates: (values.candidates ?? "").split(",").map((s) => s.trim()).filter(Boolean),
        judge: values.judge ?? null,
        sample: intOption(values.sample, "sample"),
        format: values.format,
        concurrency: intOption(values.concurrency, "concurrency"),
        log,
      });
      return runAndReport(id);
    }
    case "resume": {
      if (!arg) throw new UsageError("resume needs an experiment id");
      return runAndReport(arg, { retryFailed: values["retry-failed"] });
    }
    case "report": {
      if (!arg) throw new UsageError("report needs an experiment id");
      const { computeReport } = await import("@/lib/report/store");
      const report = await computeReport(arg);
      if (!report) throw new Error(`no experiment ${arg}`);
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    case "models": {
      const { listModelInfo } = await import("@/lib/models/status");
      for (const m of await listModelInfo()) {
        const price = m.price ? `$${(m.price.inputPerToken * 1e6).toFixed(2)}/$${(m.price.outputPerToken * 1e6).toFixed(2)} per 1M` : "price unknown";
        process.stdout.write(`${m.slug.padEnd(22)} ${m.connection.connected ? "connected    " : "not connected"}  ${price.padEnd(24)} ${m.label}\n`);
      }
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main()
  .then((code) => {
    stopServices();
    process.exit(code);
  })
  .catch(async (err: unknown) => {
    stopServices();
    const { ZodError } = await import("zod");
    if (err instanceof UsageError) {
      log(err.message);
      process.stderr.write(`${USAGE}\n`);
      process.exit(2);
    }
    if (err instanceof ZodError) {
      for (const i of err.issues) log(`${i.path.join(".") || "input"}: ${i.message}`);
      process.exit(2);
    }
    const fields = (err as { fields?: Record<string, string> }).fields;
    log(err instanceof Error ? err.message : String(err));
    if (fields) for (const [k, v] of Object.entries(fields)) log(`  ${k}: ${v}`);
    process.exit(1);
  });
