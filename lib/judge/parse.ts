// Parsing and validating the judge's reply. A reply that does not carry a valid score for every rubric criterion is an
// error with a message naming what is wrong; nothing is ever guessed or defaulted.

import { z } from "zod";
import type { RubricCriterion } from "../domain/types";
import { weightedQuality } from "./rubric";

export type JudgeParseResult =
  | { ok: true; scores: Record<string, number>; quality: number; refused: boolean; rationale: string }
  | { ok: false; error: string };

/** Longest reply examined; a judge reply is a few hundred characters, anything far larger is not a verdict. */
export const MAX_JUDGE_OUTPUT_CHARS = 200_000;
const MAX_CANDIDATES = 50;

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return Array.isArray(value) ? "a list" : "an object";
}

/** Index just past the `}` closing the object that opens at `start`, or -1. Strings and escapes are respected. */
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "{") depth++;
    else if (ch === "}") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * The first top-level JSON object in a reply: the reply itself, or one inside ```json fences or after leading prose.
 * Brace-balanced candidates are tried from left to right until one parses as a JSON object.
 */
export function extractJsonObject(raw: string): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  if (raw.length > MAX_JUDGE_OUTPUT_CHARS) return { ok: false, error: `judge reply is too long (${raw.length} characters)` };
  let from = 0;
  let tried = 0;
  let sawBrace = false;
  while (tried < MAX_CANDIDATES) {
    const start = raw.indexOf("{", from);
    if (start < 0) break;
    sawBrace = true;
    tried++;
    const end = matchingBrace(raw, start);
    if (end > 0) {
      try {
        const value: unknown = JSON.parse(raw.slice(start, end));
        if (typeof value === "object" && value !== null && !Array.isArray(value)) {
          return { ok: true, value: value as Record<string, unknown> };
        }
      } catch {
        // not JSON: try the next opening brace
      }
    }
    from = start + 1;
  }
  if (raw.trim() === "") return { ok: false, error: "judge reply is empty" };
  return {
    ok: false,
    error: sawBrace ? "judge reply contains no valid JSON object" : "judge reply contains no JSON object",
  };
}

function scoreSchema(name: string) {
  const label = `criterion "${name}"`;
  return z
    .number({
      error: (iss) =>
        iss.input === undefined
          ? `${label}: score is missing`
          : `${label}: score must be a number from 0 to 1, got ${describe(iss.input)}`,
    })
    .min(0, { error: (iss) => `${label}: score ${describe(iss.input)} is out of range (must be 0..1)` })
    .max(1, { error: (iss) => `${label}: score ${describe(iss.input)} is out of range (must be 0..1)` });
}

/** The zod schema of a verdict for this rubric. Extra criteria in "scores" and extra top-level keys are dropped. */
export function judgeVerdictSchema(rubric: readonly RubricCriterion[]) {
  const shape: Record<string, ReturnType<typeof scoreSchema>> = {};
  for (const c of rubric) shape[c.name] = scoreSchema(c.name);
  return z.object({
    scores: z.object(shape, {
      error: (iss) =>
        iss.input === undefined
          ? `"scores" is missing (expected one number per criterion: ${rubric.map((c) => c.name).join(", ")})`
          : `"scores" must be an object, got ${describe(iss.input)}`,
    }),
    refused: z.boolean({
      error: (iss) => (iss.input === undefined ? `"refused" is missing` : `"refused" must be true or false, got ${describe(iss.input)}`),
    }),
    rationale: z.string({
      error: (iss) => (iss.input === undefined ? `"rationale" is missing` : `"rationale" must be a string, got ${describe(iss.input)}`),
    }),
  });
}

/** Parses a judge reply against the rubric. The rubric is assumed valid (see validateRubric). */
export function parseJudgeOutput(raw: string, rubric: readonly RubricCriterion[]): JudgeParseResult {
  if (rubric.length === 0) return { ok: false, error: "rubric has no criteria" };
  const extracted = extractJsonObject(raw);
  if (!extracted.ok) return extracted;

  const parsed = judgeVerdictSchema(rubric).safeParse(extracted.value);
  if (!parsed.success) {
    const messages = [...new Set(parsed.error.issues.map((i) => i.message))];
    return { ok: false, error: `invalid judge verdict: ${messages.join("; ")}` };
  }

  const scores: Record<string, number> = {};
  for (const c of rubric) {
    const s = parsed.data.scores[c.name];
    if (s === undefined) return { ok: false, error: `invalid judge verdict: criterion "${c.name}": score is missing` };
    scores[c.name] = s;
  }
  const quality = weightedQuality(scores, rubric);
  if (quality === null) return { ok: false, error: "rubric weights do not give a quality (check the rubric)" };
  return { ok: true, scores, quality, refused: parsed.data.refused, rationale: parsed.data.rationale.trim() };
}
