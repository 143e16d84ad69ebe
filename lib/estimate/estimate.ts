import { DEFAULT_RUBRIC, type ModelPrice, type RubricCriterion } from "@/lib/domain/types";
import { buildJudgeMessages } from "@/lib/judge/prompt";
import { costOf } from "@/lib/pricing/cost";
import { countRunCalls } from "./calls";
import { chatTokens, countTokens, ESTIMATE_TOKENIZER, memoCounter, type CountableMessage, type TokenCounter } from "./tokens";

// The cost of a run before it starts: prompt tokens counted with a real tokenizer, answer tokens taken as each
// model's typical answer length, judge prompts sized from the judge template. A model with no known price costs
// null (unknown), never 0.

/** The judge call's own cap on its answer (see lib/runner/judge-cell.ts). */
export const JUDGE_MAX_TOKENS = 800;

export interface EstimateModel {
  slug: string;
  price: ModelPrice | null;
  /** Typical answer length in tokens, used for the completion side of the estimate. */
  typicalCompletionTokens: number;
}

export interface EstimateRunInput {
  /** The messages of each case, as they will be sent. */
  cases: readonly (readonly CountableMessage[])[];
  /** The baseline first, then the candidates. */
  models: readonly EstimateModel[];
  /** Production answers recorded for the baseline, aligned with `cases`: those cases are not sent to the baseline. */
  recordedBaseline?: readonly (string | null | undefined)[];
  judge?: EstimateModel | null;
  rubric?: readonly RubricCriterion[];
  /** The run's max_tokens, when set: caps every answer. */
  maxTokens?: number;
  /** Defaults to the o200k_base tokenizer. */
  countTokens?: TokenCounter;
  /** Characters of case text tokenized exactly before switching to sampling (default EXACT_CHAR_BUDGET). */
  exactCharBudget?: number;
}

export interface ModelEstimate {
  slug: string;
  calls: number;
  /** Baseline answers taken from the recorded log (not called). */
  recorded: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number | null;
}

export interface JudgeEstimate {
  slug: string;
  calls: number;
  promptTokens: number;
  completionTokens: number;
  tokens: number;
  costUsd: number | null;
}

export interface RunEstimate {
  cases: number;
  tokenizer: string;
  /** "exact": every case tokenized; "sampled": every stride-th case tokenized, the rest scaled by its tokens per character. */
  counting: { method: "exact" | "sampled"; tokenizedCases: number };
  models: ModelEstimate[];
  judge: JudgeEstimate | null;
  totals: {
    calls: number;
    modelCalls: number;
    judgeCalls: number;
    promptTokens: number;
    completionTokens: number;
    /** Models + judge; null when any model that is called has an unknown price. */
    costUsd: number | null;
    /** The part of the cost whose prices are known. */
    knownCostUsd: number;
    /** Slugs whose price is unknown (their cost is left out of knownCostUsd). */
    unpricedModels: string[];
  };
}

/**
 * Tokenizing is CPU work on the request thread (about 0.3 M tokens a second): past ~1 M characters of case text
 * (about 250k tokens), an evenly spread sample is tokenized and the rest is scaled from its tokens per character.
 */
export const EXACT_CHAR_BUDGET = 1_000_000;
/** Short strings (roles, headers) are always counted exactly: they are few and memoised. */
const ALWAYS_EXACT_CHARS = 24;

const PROMPT_PLACEHOLDER = "P";
const ANSWER_PLACEHOLDER = "A";

/** Tokens of the judge's messages apart from the prompt and the answer it grades: instructions, rubric, markers. */
export function judgeTemplateTokens(rubric: readonly RubricCriterion[], count: TokenCounter = countTokens): number {
  const messages = buildJudgeMessages({ prompt: PROMPT_PLACEHOLDER, answer: ANSWER_PLACEHOLDER, rubric });
  return chatTokens(messages, count) - count(PROMPT_PLACEHOLDER) - count(ANSWER_PLACEHOLDER);
}

/** Tokens of a case's messages as the judge sees them: "[role]\ncontent" blocks separated by blank lines. */
export function renderedPromptTokens(messages: readonly CountableMessage[], count: TokenCounter): number {
  let total = 0;
  messages.forEach((m, i) => {
    total += count(`[${m.role}]\n`) + count(m.content) + (i > 0 ? count("\n\n") : 0);
  });
  return total;
}

function answerTokens(model: EstimateModel, maxTokens: number | undefined): number {
  const typical = Math.max(0, Math.round(model.typicalCompletionTokens));
  return maxTokens !== undefined ? Math.min(typical, maxTokens) : typical;
}

function priced(price: ModelPrice | null, promptTokens: number, completionTokens: number): number | null {
  return costOf({ promptTokens, completionTokens, cachedTokens: 0 }, price);
}

/** A counter per case: exact for sampled cases (all of them under the budget), scaled for the others. */
function caseCounters(input: EstimateRunInput, recorded: readonly (string | null)[], exact: TokenCounter) {
  const chars = input.cases.map((ms, i) => ms.reduce((s, m) => s + m.content.length, 0) + (recorded[i]?.length ?? 0));
  const totalChars = chars.reduce((s, n) => s + n, 0);
  const budget = Math.max(1, input.exactCharBudget ?? EXACT_CHAR_BUDGET);
  const stride = totalChars > budget ? Math.ceil(totalChars / budget) : 1;
  if (stride === 1) return { stride, counterFor: () => exact, tokenized: input.cases.length };
  let tokens = 0;
  let sampledChars = 0;
  input.cases.forEach((ms, i) => {
    if (i % stride !== 0) return;
    for (const m of ms) tokens += exact(m.content);
    sampledChars += chars[i]! - (recorded[i]?.length ?? 0);
  });
  const perChar = sampledChars > 0 ? tokens / sampledChars : 0.25;
  const scaled: TokenCounter = (text) => (text.length <= ALWAYS_EXACT_CHARS ? exact(text) : Math.round(text.length * perChar));
  return { stride, counterFor: (i: number) => (i % stride === 0 ? exact : scaled), tokenized: Math.ceil(input.cases.length / stride) };
}

export function estimateRun(input: EstimateRunInput): RunEstimate {
  const count = memoCounter(input.countTokens ?? countTokens);
  const recorded = input.cases.map((_, i) => {
    const r = input.recordedBaseline?.[i];
    return typeof r === "string" ? r : null;
  });
  const sampling = caseCounters(input, recorded, count);
  const caseTokens = input.cases.map((messages, i) => chatTokens(messages, sampling.counterFor(i)));
  const allCaseTokens = caseTokens.reduce((s, n) => s + n, 0);
  const recordedCaseTokens = caseTokens.reduce((s, n, i) => (recorded[i] !== null ? s + n : s), 0);
  const recordedCount = recorded.filter((r) => r !== null).length;

  const models: ModelEstimate[] = input.models.map((m, idx) => {
    const isBaseline = idx === 0;
    const skipped = isBaseline ? recordedCount : 0;
    const calls = input.cases.length - skipped;
    const promptTokens = allCaseTokens - (isBaseline ? recordedCaseTokens : 0);
    const completionTokens = calls * answerTokens(m, input.maxTokens);
    return { slug: m.slug, calls, recorded: skipped, promptTokens, completionTokens, costUsd: priced(m.price, promptTokens, completionTokens) };
  });

  let judge: JudgeEstimate | null = null;
  if (input.judge) {
    const rubric = input.rubric && input.rubric.length > 0 ? input.rubric : DEFAULT_RUBRIC;
    const template = judgeTemplateTokens(rubric, count);
    const perCase = input.cases.map((messages, i) => template + renderedPromptTokens(messages, sampling.counterFor(i)));
    const perCaseSum = perCase.reduce((s, n) => s + n, 0);
    let promptTokens = 0;
    input.models.forEach((m, idx) => {
      // Every answer is graded, recorded ones included: the judge reads the prompt plus that answer.
      promptTokens += perCaseSum;
      const typical = answerTokens(m, input.maxTokens);
      recorded.forEach((r, i) => {
        promptTokens += idx === 0 && r !== null ? sampling.counterFor(i)(r) : typical;
      });
    });
    const calls = input.cases.length * input.models.length;
    const completionTokens = calls * Math.min(answerTokens(input.judge, undefined), JUDGE_MAX_TOKENS);
    judge = {
      slug: input.judge.slug,
      calls,
      promptTokens,
      completionTokens,
      tokens: promptTokens + completionTokens,
      costUsd: priced(input.judge.price, promptTokens, completionTokens),
    };
  }

  const counts = countRunCalls({ cases: input.cases.length, models: input.models.length, judge: Boolean(input.judge), recorded: recordedCount });
  const parts: { slug: string; calls: number; costUsd: number | null }[] = [...models, ...(judge ? [judge] : [])];
  const unpricedModels = [...new Set(parts.filter((p) => p.costUsd === null && p.calls > 0).map((p) => p.slug))];
  const knownCostUsd = parts.reduce((s, p) => s + (p.costUsd ?? 0), 0);
  return {
    cases: input.cases.length,
    tokenizer: input.countTokens ? "custom" : ESTIMATE_TOKENIZER,
    counting: { method: sampling.stride === 1 ? "exact" : "sampled", tokenizedCases: sampling.tokenized },
    models,
    judge,
    totals: {
      calls: counts.total,
      modelCalls: counts.modelCalls,
      judgeCalls: counts.judgeCalls,
      promptTokens: models.reduce((s, m) => s + m.promptTokens, 0) + (judge?.promptTokens ?? 0),
      completionTokens: models.reduce((s, m) => s + m.completionTokens, 0) + (judge?.completionTokens ?? 0),
      costUsd: unpricedModels.length ? null : knownCostUsd,
      knownCostUsd,
      unpricedModels,
    },
  };
}
