import { existsSync } from "node:fs";
import path from "node:path";
import type { ImportFormat } from "@/lib/import";

export interface ReplayOptions {
  baseline?: string;
  candidates: string[];
  judge: string | null;
  sample?: number;
  format?: string;
  concurrency?: number;
  log: (s: string) => void;
}

const FORMATS = ["jsonl", "csv", "portkey", "alpaca"];

export async function replayFromFile(file: string, opts: ReplayOptions): Promise<string> {
  const abs = path.resolve(file);
  if (!existsSync(abs)) throw new Error(`no such file: ${file}`);
  if (!opts.baseline) throw new Error("--baseline is required");
  if (!opts.candidates.length) throw new Error("--candidates is required (comma-separated model slugs)");
  if (opts.format && !FORMATS.includes(opts.format)) throw new Error(`--format must be one of ${FORMATS.join(", ")}`);
  const { scanImport } = await import("@/lib/import");
  const { createReadStream } = await import("node:fs");
  const { resolveFormat, createReplay } = await import("@/lib/replay/from-log");
  const format = await resolveFormat({ path: abs, format: opts.format as ImportFormat | undefined });
  const scan = await scanImport(createReadStream(abs), { format });
  opts.log(`${path.basename(abs)}: ${scan.good} good case(s), ${scan.badCount ? `${scan.badCount} bad line(s)` : "no bad lines"}, ${scan.duplicates} duplicate prompt(s), ${scan.recordedAnswers} recorded answer(s) [${format}]`);
  for (const b of scan.bad.slice(0, 5)) opts.log(`  ${b.reason}`);
  const { id, cases, available } = await createReplay({
    log: { path: abs, format },
    baseline: opts.baseline,
    candidates: opts.candidates,
    judge: opts.judge,
    sample: opts.sample,
    concurrency: opts.concurrency,
  });
  opts.log(`experiment ${id}: ${cases} of ${available} case(s)${scan.recordedAnswers ? "; recorded answers replayed as the baseline's (not bought again)" : ""}`);
  return id;
}
