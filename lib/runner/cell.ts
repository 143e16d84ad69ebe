import "server-only";
import type { Usage } from "@/lib/domain/types";
import type { ModelPrice } from "@/lib/domain/types";
import { costOf } from "@/lib/pricing";
import { detectRefusal } from "@/lib/refusal";
import { callModel, type ChatMessage, type ChatRequest } from "@/lib/portkey/call";
import type { ModelTarget } from "@/lib/portkey/target";
import type { CellOutcome } from "@/lib/db/responses";
import { chatTokens, countTokens } from "@/lib/estimate/tokens";

// One cell: a model's answer to one case, either bought through Portkey or replayed from the recorded log.

export interface CellInput {
  target: ModelTarget;
  price: ModelPrice | null;
  messages: ChatMessage[];
  params: Pick<ChatRequest, "maxTokens" | "temperature">;
  metadata: Record<string, string>;
  traceId: string;
}

export async function answerLive(input: CellInput): Promise<CellOutcome> {
  const r = await callModel(input.target, { messages: input.messages, ...input.params }, { metadata: input.metadata, traceId: input.traceId });
  const refusal = r.ok ? detectRefusal({ finishReason: r.finishReason, text: r.content }) : null;
  return {
    status: r.ok ? "done" : "failed",
    content: r.content,
    finishReasonRaw: r.finishReasonRaw,
    finishReason: r.finishReason,
    promptTokens: r.usage?.promptTokens ?? null,
    completionTokens: r.usage?.completionTokens ?? null,
    cachedTokens: r.usage?.cachedTokens ?? null,
    usageEstimated: false,
    costUsd: r.usage ? costOf(r.usage, input.price) : null,
    latencyMs: r.latencyMs,
    attempts: r.attempts,
    traceId: r.traceId,
    errorCode: r.errorCode,
    error: r.error,
    refused: refusal ? refusal.refused : null,
    refusalSignals: refusal && refusal.signals.length ? refusal.signals.join(",") : null,
  };
}

/** A production answer from the log: never bought again; its cost comes from recorded usage or an estimate. */
export function answerRecorded(input: { price: ModelPrice | null; messages: ChatMessage[]; content: string; usage: Usage | null; latencyMs: number | null }): CellOutcome {
  const estimated = input.usage === null;
  const usage: Usage = input.usage ?? {
    // Not recorded: counted with a real tokenizer (o200k_base) and marked as estimated.
    promptTokens: chatTokens(input.messages, countTokens),
    completionTokens: countTokens(input.content),
    cachedTokens: 0,
  };
  const refusal = detectRefusal({ finishReason: null, text: input.content });
  return {
    status: "done",
    content: input.content,
    finishReasonRaw: null,
    finishReason: null,
    promptTokens: usage.promptTokens,
    completionTokens: usage.completionTokens,
    cachedTokens: usage.cachedTokens,
    usageEstimated: estimated,
    costUsd: costOf(usage, input.price),
    latencyMs: input.latencyMs,
    attempts: 0,
    traceId: null,
    errorCode: null,
    error: null,
    refused: refusal.refused,
    refusalSignals: refusal.signals.length ? refusal.signals.join(",") : null,
  };
}
