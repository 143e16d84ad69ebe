// Grading one answer with an LLM judge. The model call is injected (the Portkey call is wired elsewhere), so this is
// pure logic: build the prompt, call, validate; on a malformed reply retry ONCE with a corrective message; otherwise
// report a judge error. A score is never guessed.
//
// A call that throws is a judge error straight away and is not retried here: transport failures (429, 5xx, timeouts)
// are retried by the gateway's retry config, so a throw reaching this code is final.

import type { RubricCriterion, Usage } from "../domain/types";
import { parseJudgeOutput } from "./parse";
import { buildJudgeMessages, JUDGE_PROMPT_VERSION, judgeResponseFormat, type JudgeMessage, type JudgePromptInput } from "./prompt";
import { formatRubricErrors, validateRubric } from "./rubric";

export interface JudgeCallOptions {
  /** OpenAI `response_format` (strict json_schema); the caller drops it for providers without structured output. */
  responseFormat?: unknown;
  /** 1 for the first call, 2 for the retry. */
  attempt: number;
}

export type JudgeCall = (
  messages: JudgeMessage[],
  opts: JudgeCallOptions,
) => Promise<{ content: string | null; usage: Usage | null }>;

export interface GradeInput {
  call: JudgeCall;
  prompt: JudgePromptInput;
  answer: string;
  rubric: readonly RubricCriterion[];
  reference?: string;
  /** Send judgeResponseFormat(rubric) with each call (default true). */
  structuredOutput?: boolean;
}

export type GradeResult =
  | {
      ok: true;
      scores: Record<string, number>;
      quality: number;
      refused: boolean;
      rationale: string;
      attempts: number;
      /** Judge tokens over all attempts; null when no attempt reported usage. */
      usage: Usage | null;
      promptVersion: string;
    }
  | {
      ok: false;
      error: string;
      attempts: number;
      usage: Usage | null;
      /** The last reply received (null when none), kept for inspection. */
      raw: string | null;
      promptVersion: string;
    };

export const MAX_JUDGE_ATTEMPTS = 2;
const MAX_ERROR_CHARS = 500;
const MAX_ECHOED_REPLY_CHARS = 4_000;

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The message of a thrown value, without a stack trace. */
function thrownMessage(err: unknown): string {
  if (err instanceof Error) return truncate(err.message || err.name, MAX_ERROR_CHARS);
  if (typeof err === "string") return truncate(err, MAX_ERROR_CHARS);
  return "unknown error";
}

function addUsage(total: Usage | null, usage: Usage | null): Usage | null {
  if (!usage) return total;
  if (!total) return { ...usage };
  return {
    promptTokens: total.promptTokens + usage.promptTokens,
    completionTokens: total.completionTokens + usage.completionTokens,
    cachedTokens: total.cachedTokens + usage.cachedTokens,
  };
}

/** The user message appended for the retry. */
export function correctiveMessage(error: string, rubric: readonly RubricCriterion[]): string {
  const names = rubric.map((c) => JSON.stringify(c.name)).join(", ");
  return (
    `Your previous reply could not be used: ${error}. ` +
    `Reply again with ONLY the JSON object {"rationale": string, "scores": {${names}: numbers from 0 to 1}, "refused": boolean}, ` +
    "with no code fences and no other text."
  );
}

export async function gradeAnswer(input: GradeInput): Promise<GradeResult> {
  const promptVersion = JUDGE_PROMPT_VERSION;
  const checked = validateRubric(input.rubric);
  if (!checked.ok) {
    return { ok: false, error: `invalid rubric: ${formatRubricErrors(checked.errors)}`, attempts: 0, usage: null, raw: null, promptVersion };
  }
  const rubric = checked.rubric;
  const responseFormat = input.structuredOutput === false ? undefined : judgeResponseFormat(rubric);
  const base = buildJudgeMessages({ prompt: input.prompt, answer: input.answer, rubric, reference: input.reference });

  let messages = base;
  let usage: Usage | null = null;
  let raw: string | null = null;
  const errors: string[] = [];

  for (let attempt = 1; attempt <= MAX_JUDGE_ATTEMPTS; attempt++) {
    let reply: { content: string | null; usage: Usage | null };
    try {
      reply = await input.call(messages, responseFormat === undefined ? { attempt } : { responseFormat, attempt });
    } catch (err) {
      errors.push(`attempt ${attempt}: judge call failed: ${thrownMessage(err)}`);
      return { ok: false, error: errors.join("; "), attempts: attempt, usage, raw, promptVersion };
    }
    usage = addUsage(usage, reply.usage);
    raw = reply.content;

    const parsed =
      reply.content === null || reply.content.trim() === ""
        ? ({ ok: false, error: "judge reply is empty" } as const)
        : parseJudgeOutput(reply.content, rubric);
    if (parsed.ok) {
      return {
        ok: true,
        scores: parsed.scores,
        quality: parsed.quality,
        refused: parsed.refused,
        rationale: parsed.rationale,
        attempts: attempt,
        usage,
        promptVersion,
      };
    }
    errors.push(`attempt ${attempt}: ${parsed.error}`);

    // Retry with the bad reply echoed back as the assistant turn and a short correction.
    const echoed: JudgeMessage[] =
      reply.content && reply.content.trim() !== ""
        ? [{ role: "assistant", content: truncate(reply.content, MAX_ECHOED_REPLY_CHARS) }]
        : [];
    messages = [...base, ...echoed, { role: "user", content: correctiveMessage(parsed.error, rubric) }];
  }

  return { ok: false, error: errors.join("; "), attempts: MAX_JUDGE_ATTEMPTS, usage, raw, promptVersion };
}
