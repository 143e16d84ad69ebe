import "server-only";
import { AppError } from "@/lib/errors";
import { getModelsBySlugs, type ModelRow } from "@/lib/db/models";
import { parsePasted, type PastedCase } from "@/lib/experiments/paste";
import { priceForRow } from "@/lib/runner/prices";
import { MAX_CASES } from "@/lib/schemas/experiment";
import type { EstimateRequest } from "@/lib/schemas/estimate";
import { estimateRun, type EstimateModel, type RunEstimate } from "./estimate";

// POST /api/estimate's work: turn the request into cases (as creating the experiment would) and price the run.

export interface EstimateResult {
  format: "lines" | "jsonl" | "prompts";
  estimate: RunEstimate;
}

function invalid(fields: Record<string, string>): AppError {
  const summary = Object.entries(fields).slice(0, 3).map(([k, v]) => `${k}: ${v}`).join("; ");
  return new AppError("validation_failed", `Invalid request — ${summary}`, fields);
}

function casesFrom(input: EstimateRequest): { format: EstimateResult["format"]; cases: PastedCase[] } {
  if (input.text !== undefined) {
    const parsed = parsePasted(input.text, input.system);
    if (!parsed.ok) throw invalid(Object.fromEntries(parsed.errors.slice(0, 20).map((e) => [`text.line${e.line}`, e.reason])));
    return { format: parsed.format, cases: parsed.cases };
  }
  const system = input.system?.trim();
  const pre = system ? [{ role: "system" as const, content: system }] : [];
  return { format: "prompts", cases: (input.prompts ?? []).map((p) => ({ messages: [...pre, { role: "user", content: p }] })) };
}

function toEstimateModel(row: ModelRow): EstimateModel {
  return { slug: row.slug, price: priceForRow(row), typicalCompletionTokens: row.typicalCompletionTokens };
}

export async function estimateForRequest(input: EstimateRequest): Promise<EstimateResult> {
  const { format, cases } = casesFrom(input);
  const field = input.text !== undefined ? "text" : "prompts";
  if (cases.length === 0) throw invalid({ [field]: "there are no cases to estimate" });
  if (cases.length > MAX_CASES) throw invalid({ [field]: `${cases.length.toLocaleString("en-US")} cases; at most ${MAX_CASES.toLocaleString("en-US")} per experiment` });

  const slugs = [input.baseline, ...input.candidates, ...(input.judge ? [input.judge] : [])];
  const rows = await getModelsBySlugs(slugs);
  const missing: Record<string, string> = {};
  if (!rows.has(input.baseline)) missing.baseline = `unknown model "${input.baseline}"`;
  input.candidates.forEach((c, i) => {
    if (!rows.has(c)) missing[`candidates.${i}`] = `unknown model "${c}"`;
  });
  if (input.judge && !rows.has(input.judge)) missing.judge = `unknown model "${input.judge}"`;
  if (Object.keys(missing).length) throw invalid(missing);

  const model = (slug: string) => toEstimateModel(rows.get(slug)!);
  const estimate = estimateRun({
    cases: cases.map((c) => c.messages),
    recordedBaseline: cases.map((c) => c.response ?? null),
    models: [input.baseline, ...input.candidates].map(model),
    judge: input.judge ? model(input.judge) : null,
    ...(input.rubric ? { rubric: input.rubric } : {}),
    ...(input.params?.maxTokens !== undefined ? { maxTokens: input.params.maxTokens } : {}),
  });
  return { format, estimate };
}
