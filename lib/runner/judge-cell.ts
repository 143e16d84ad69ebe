import "server-only";
import type { ModelPrice, RubricCriterion, Usage } from "@/lib/domain/types";
import { gradeAnswer, JUDGE_PROMPT_VERSION } from "@/lib/judge";
import { costOf } from "@/lib/pricing";
import { callModel, type ChatMessage } from "@/lib/portkey/call";
import type { ModelTarget } from "@/lib/portkey/target";
import type { JudgmentOutcome } from "@/lib/db/responses";

// Grades one answer with the judge model, through Portkey like any other call. Judge usage and cost are kept
// apart from the answering model's.

export interface JudgeInput {
  judge: ModelTarget;
  judgePrice: ModelPrice | null;
  rubric: RubricCriterion[];
  messages: ChatMessage[];
  answer: string;
  reference?: string | null;
  metadata: Record<string, string>;
  traceId: string;
}

export async function judgeCell(input: JudgeInput): Promise<JudgmentOutcome> {
  let callError: string | null = null;
  const result = await gradeAnswer({
    prompt: input.messages,
    answer: input.answer,
    rubric: input.rubric,
    // Structured output (json_schema) where the provider is known to support it; elsewhere the prompt asks for JSON
    // and the parser validates it either way.
    structuredOutput: input.judge.provider === "openai" && input.judge.kind !== "custom",
    ...(input.reference ? { reference: input.reference } : {}),
    call: async (messages, opts) => {
      const r = await callModel(
        input.judge,
        { messages: messages as ChatMessage[], temperature: 0, maxTokens: 800, responseFormat: opts.responseFormat },
        { metadata: { ...input.metadata, role: "judge" }, traceId: `${input.traceId}-j${opts.attempt}` },
      );
      if (!r.ok) {
        callError = r.error;
        throw new Error(r.error ?? "judge call failed");
      }
      return { content: r.content, usage: r.usage };
    },
  });
  const usage: Usage | null = result.usage ?? null;
  const base = {
    judgeSlug: input.judge.slug,
    promptVersion: JUDGE_PROMPT_VERSION,
    promptTokens: usage?.promptTokens ?? null,
    completionTokens: usage?.completionTokens ?? null,
    costUsd: usage ? costOf(usage, input.judgePrice) : null,
    attempts: result.attempts,
  };
  if (result.ok) {
    return { ...base, status: "done", scores: result.scores, quality: result.quality, refused: result.refused, rationale: result.rationale, error: null };
  }
  return { ...base, status: "failed", scores: null, quality: null, refused: null, rationale: null, error: callError ?? result.error };
}
