import "server-only";
import { createReadStream } from "node:fs";
import { previewCsv, readCases, scanImport, type CsvMapping, type ImportFormat } from "@/lib/import";
import { getModelsBySlugs } from "@/lib/db/models";
import { estimateRun, type EstimateModel } from "@/lib/estimate";
import type { RubricCriterion } from "@/lib/domain/types";
import { AppError } from "@/lib/errors";
import { priceForRow } from "@/lib/runner/prices";
import { uploadPath } from "@/lib/uploads/store";
import { resolveFormat, MAX_REPLAY_CASES } from "./from-log";
import { reservoirSample } from "./sample";

// What the import page asks of an uploaded log: its format, a CSV preview and mapping, a scan (good / bad lines,
// duplicates, recorded answers), and the estimated cost of replaying a sample of it.

export async function inspectUpload(id: string, opts: { format?: ImportFormat; csvMapping?: CsvMapping } = {}) {
  const up = uploadPath(id);
  const format = await resolveFormat({ path: up.path, format: opts.format });
  const csv = format === "csv" ? await previewCsv(createReadStream(up.path), 5) : null;
  const csvMapping = opts.csvMapping ?? (csv?.suggestedMapping.prompt ? (csv.suggestedMapping as CsvMapping) : undefined);
  if (csv && csvMapping) {
    const fields: Record<string, string> = {};
    for (const [key, column] of Object.entries(csvMapping)) {
      if (column && !csv.columns.includes(column)) fields[`csvMapping.${key}`] = `no column "${column}" (columns: ${csv.columns.join(", ")})`;
    }
    if (Object.keys(fields).length) throw new AppError("validation_failed", `Invalid column mapping — ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("; ")}`, fields);
  }
  if (format === "csv" && !csvMapping) {
    return { id, fileName: up.fileName, bytes: up.bytes, format, csv, csvMapping: null, scan: null };
  }
  const scan = await scanImport(createReadStream(up.path), { format, csvMapping, fileName: up.fileName });
  return {
    id,
    fileName: up.fileName,
    bytes: up.bytes,
    format,
    csv,
    csvMapping: csvMapping ?? null,
    scan: { ...scan, bad: scan.bad.slice(0, 20) },
  };
}

export interface ReplayEstimateInput {
  format?: ImportFormat;
  csvMapping?: CsvMapping;
  baseline: string;
  candidates: string[];
  judge: string | null;
  sample?: number;
  rubric?: RubricCriterion[];
}

export async function estimateUpload(id: string, input: ReplayEstimateInput) {
  const up = uploadPath(id);
  const format = await resolveFormat({ path: up.path, format: input.format });
  const rows = await getModelsBySlugs([input.baseline, ...input.candidates, ...(input.judge ? [input.judge] : [])]);
  const missing: Record<string, string> = {};
  if (!rows.has(input.baseline)) missing.baseline = `unknown model "${input.baseline}"`;
  input.candidates.forEach((c, i) => !rows.has(c) && (missing[`candidates.${i}`] = `unknown model "${c}"`));
  if (input.judge && !rows.has(input.judge)) missing.judge = `unknown model "${input.judge}"`;
  if (Object.keys(missing).length) throw new AppError("validation_failed", `Invalid request — ${Object.entries(missing).map(([k, v]) => `${k}: ${v}`).join("; ")}`, missing);
  async function* good() {
    for await (const ev of readCases(createReadStream(up.path), { format, csvMapping: input.csvMapping })) if (ev.type === "case") yield ev.case;
  }
  const n = Math.min(input.sample ?? MAX_REPLAY_CASES, MAX_REPLAY_CASES);
  const { sample, seen } = await reservoirSample(good(), n, 1);
  const model = (slug: string): EstimateModel => {
    const row = rows.get(slug)!;
    return { slug, price: priceForRow(row), typicalCompletionTokens: row.typicalCompletionTokens };
  };
  const estimate = estimateRun({
    cases: sample.map((c) => c.messages),
    recordedBaseline: sample.map((c) => c.response),
    models: [input.baseline, ...input.candidates].map(model),
    judge: input.judge ? model(input.judge) : null,
    ...(input.rubric ? { rubric: input.rubric } : {}),
  });
  return { available: seen, cases: sample.length, estimate };
}
