// Guessing a CSV column mapping from header names, and the delimiter from the header line.
import type { CsvMapping } from "./types";

const key = (c: string) => c.trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");

// Per field: exact names in order of preference, then a pattern for names that merely contain a hint.
const RULES: { field: keyof CsvMapping; exact: string[]; contains?: RegExp; not?: RegExp }[] = [
  { field: "promptTokens", exact: ["prompt_tokens", "input_tokens", "tokens_in", "request_tokens", "req_units"], contains: /(prompt|input).*tokens?/ },
  { field: "completionTokens", exact: ["completion_tokens", "output_tokens", "tokens_out", "response_tokens", "res_units"], contains: /(completion|output|response).*tokens?/ },
  { field: "latencyMs", exact: ["latency_ms", "latency", "duration_ms", "duration", "response_time", "response_time_ms", "elapsed_ms"], contains: /latency|duration|elapsed/ },
  { field: "system", exact: ["system", "system_prompt", "system_message"], contains: /system/, not: /token/ },
  {
    field: "prompt",
    exact: ["prompt", "input", "question", "instruction", "query", "user_prompt", "user_message", "user_input", "message", "text"],
    contains: /prompt|question|instruction|input|query/,
    not: /token|system|id$/,
  },
  {
    field: "response",
    exact: ["response", "output", "completion", "answer", "reply", "assistant", "model_output", "generation", "model_response"],
    contains: /response|output|completion|answer/,
    not: /token|time|latency|id$/,
  },
  { field: "reference", exact: ["reference", "expected", "expected_output", "ideal", "ground_truth", "gold", "target", "reference_answer"] },
  { field: "model", exact: ["model", "model_name", "generator", "engine", "ai_model"], contains: /model/, not: /output|response|token/ },
];

/** A mapping guessed from header names; fields with no plausible column are left out. */
export function suggestCsvMapping(columns: readonly string[]): Partial<CsvMapping> {
  const keys = columns.map(key);
  const used = new Set<number>();
  const out: Partial<CsvMapping> = {};
  for (const rule of RULES) {
    let i = -1;
    for (const name of rule.exact) {
      i = keys.findIndex((k, j) => k === name && !used.has(j));
      if (i !== -1) break;
    }
    if (i === -1 && rule.contains) {
      i = keys.findIndex((k, j) => !used.has(j) && rule.contains!.test(k) && !(rule.not?.test(k) ?? false));
    }
    if (i !== -1) {
      used.add(i);
      out[rule.field] = columns[i];
    }
  }
  return out;
}

/** The delimiter that splits the header line into the most fields: comma, semicolon or tab. */
export function guessDelimiter(headerLine: string): string {
  let best = ",";
  let bestCount = 0;
  for (const d of [",", ";", "\t"]) {
    // Ignore delimiters inside quoted header names.
    const count = headerLine.replace(/"[^"]*"/g, "").split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}
