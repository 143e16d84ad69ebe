import "server-only";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_RUBRIC, DEFAULT_TOLERANCES, type RubricCriterion, type Tolerances } from "@/lib/domain/types";
import { AppError } from "@/lib/errors";
import { appendCases, caseMetadata, createExperiment, getExperiment, type NewCase } from "@/lib/db/experiments";
import { detectFormat, promptHash, readCases, type CsvMapping, type ImportedCase, type ImportFormat } from "@/lib/import";
import { checkModels } from "@/lib/models/check";
import { reservoirSample } from "./sample";

// A replay: cases read from a production log (streaming), optionally a random sample of N, where each recorded
// production answer is the baseline's answer (not bought again). The log's location is kept so the run can be
// extended later with more cases from the same log.

export interface LogSource {
  path: string;
  format?: ImportFormat;
  csvMapping?: CsvMapping;
}

export interface ReplayInput {
  log: LogSource;
  name?: string;
  baseline: string;
  candidates: string[];
  judge: string | null;
  rubric?: RubricCriterion[];
  tolerances?: Partial<Tolerances>;
  sample?: number;
  concurrency?: number;
  seed?: number;
}

export const MAX_REPLAY_CASES = 20_000;

export async function resolveFormat(log: LogSource): Promise<ImportFormat> {
  if (log.format) return log.format;
  const fh = await open(log.path, "r");
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return detectFormat(buf.subarray(0, bytesRead).toString("utf8"), path.basename(log.path));
  } finally {
    await fh.close();
  }
}

async function* goodCases(log: LogSource, format: ImportFormat, skip: Set<number>): AsyncGenerator<{ line: number; c: ImportedCase }> {
  for await (const ev of readCases(createReadStream(log.path), { format, csvMapping: log.csvMapping })) {
    if (ev.type === "case" && !skip.has(ev.line)) yield { line: ev.line, c: ev.case };
  }
}

function toNewCase(line: number, c: ImportedCase): NewCase {
  return {
    messages: c.messages,
    promptHash: promptHash(c.messages),
    recordedResponse: c.response,
    recordedModel: c.model,
    recordedUsage: c.usage,
    recordedLatencyMs: c.latencyMs,
    reference: c.reference ?? null,
    metadata: { ...(c.metadata ?? {}), line },
  };
}

async function pick(log: LogSource, format: ImportFormat, n: number | undefined, seed: number, skip: Set<number>) {
  const limit = Math.min(n ?? MAX_REPLAY_CASES, MAX_REPLAY_CASES);
  const { sample, seen } = await reservoirSample(goodCases(log, format, skip), limit, seed);
  if (n === undefined && seen > MAX_REPLAY_CASES) {
    throw new AppError("validation_failed", `The log has ${seen} usable cases; replay at most ${MAX_REPLAY_CASES} at once (use a sample).`, { sample: `at most ${MAX_REPLAY_CASES}` });
  }
  // Keep the log's order inside the sample, so case #1 is the earliest line picked.
  return { cases: sample.sort((a, b) => a.line - b.line).map((s) => toNewCase(s.line, s.c)), available: seen };
}

/** The file's own name (uploads are stored as "<upload id>--<name>"). */
function displayName(file: string): string {
  return path.basename(file).replace(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}--/, "");
}

export async function createReplay(input: ReplayInput): Promise<{ id: string; cases: number; available: number }> {
  await checkModels([input.baseline], "baseline");
  await checkModels(input.candidates, "candidates");
  if (input.judge) await checkModels([input.judge], "judge");
  const format = await resolveFormat(input.log);
  const seed = input.seed ?? Date.now() % 2 ** 31;
  const { cases, available } = await pick(input.log, format, input.sample, seed, new Set());
  if (!cases.length) throw new AppError("validation_failed", "The log has no usable cases.", { file: "no usable cases" });
  const { id } = await createExperiment({
    name: input.name ?? `Replay of ${displayName(input.log.path)} (${cases.length}${available > cases.length ? ` of ${available}` : ""} cases)`,
    source: "import",
    baselineSlug: input.baseline,
    candidateSlugs: input.candidates,
    judgeSlug: input.judge,
    rubric: input.rubric ?? DEFAULT_RUBRIC,
    tolerances: { ...DEFAULT_TOLERANCES, ...input.tolerances },
    params: { concurrency: input.concurrency, import: { path: input.log.path, format, csvMapping: input.log.csvMapping ?? null, seed, available } } as never,
    cases,
  });
  return { id, cases: cases.length, available };
}

/** Adds n more cases from the same log (ones not already in the experiment). */
export async function extendReplay(experimentId: string, n: number): Promise<{ added: number; remaining: number }> {
  const exp = await getExperiment(experimentId);
  if (!exp) throw new AppError("not_found", "No experiment with this id.");
  const imp = (exp.params as { import?: { path: string; format: ImportFormat; csvMapping: CsvMapping | null; seed: number } }).import;
  if (!imp) throw new AppError("conflict", "This experiment was not created from a log, so it cannot be extended from one.");
  const used = new Set((await caseMetadata(experimentId)).map((m) => (m as { line?: number } | null)?.line).filter((l): l is number => typeof l === "number"));
  const log: LogSource = { path: imp.path, format: imp.format, csvMapping: imp.csvMapping ?? undefined };
  const { cases, available } = await pick(log, imp.format, n, imp.seed + used.size, used);
  if (!cases.length) throw new AppError("conflict", "Every case of the log is already in this experiment.");
  await appendCases(experimentId, cases);
  return { added: cases.length, remaining: available - cases.length };
}
