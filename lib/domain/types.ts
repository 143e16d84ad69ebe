// Plain domain types shared by the pure modules (pricing, judge, refusal, stats, recommend).
// No framework or database imports here: these are safe for the client and for tests.

/** Token usage of one call, in OpenAI's terms. cachedTokens are part of promptTokens. */
export interface Usage {
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
}

/** Prices in US dollars per token. null = not known (never treat as 0). */
export interface ModelPrice {
  inputPerToken: number;
  outputPerToken: number;
  /** Price of a cached prompt token; null when the provider has no cached-token price (billed as input). */
  cachedInputPerToken: number | null;
  currency: "USD";
  /** Where the price came from, e.g. "portkey-pricing openai.json gpt-4o-mini" or "override". */
  source: string;
  /** ISO date (YYYY-MM-DD) the price was taken. */
  date: string;
}

export type NormalisedFinishReason = "stop" | "length" | "content_filter" | "refusal" | "tool_calls" | "error" | "unknown";

export type RefusalSignal = "finish_reason" | "classifier" | "judge";

export interface RubricCriterion {
  name: string;
  weight: number;
  description?: string;
}

/** One graded cell: a model's answer to one case, as the recommendation sees it. */
export interface CaseResult {
  caseId: string;
  model: string;
  /** Weighted judge score 0..1; null when the answer errored or the judge failed. */
  quality: number | null;
  /** True when the call itself failed (no answer). */
  error: boolean;
  /** True when the judge failed on an answer that exists. */
  judgeError: boolean;
  refused: boolean;
  /** Cost of this call in USD; null when the model's price is unknown. */
  costUsd: number | null;
  latencyMs: number | null;
}

export interface Tolerances {
  /** Largest acceptable quality drop vs baseline, in percent (5 = -5%). */
  qualityDropPercent: number;
  /** Largest acceptable refusal-rate rise vs baseline, in percentage points. */
  refusalRisePoints: number;
  /** Largest acceptable error rate of a candidate, in percent. */
  maxErrorRatePercent: number;
}

export const DEFAULT_TOLERANCES: Tolerances = { qualityDropPercent: 5, refusalRisePoints: 1, maxErrorRatePercent: 5 };

export const DEFAULT_RUBRIC: RubricCriterion[] = [
  { name: "accuracy", weight: 0.4, description: "Factually correct and does what the prompt asks." },
  { name: "relevance", weight: 0.35, description: "Addresses the prompt directly, without padding or drift." },
  { name: "clarity", weight: 0.25, description: "Well organised and easy to read." },
];

/** What a stored cell (one model's answer to one case) records, shared by the runner, the database layer and the views. */
export interface CellFields {
  content: string | null;
  finishReason: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  cachedTokens: number | null;
  usageEstimated: boolean;
  costUsd: number | null;
  latencyMs: number | null;
  attempts: number;
  refusalSignals: string | null;
  errorCode: string | null;
  error: string | null;
}
