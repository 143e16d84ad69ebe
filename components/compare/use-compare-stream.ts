"use client";
import { useMutation } from "@tanstack/react-query";
import { useReducer } from "react";
import type { CompareRequest } from "@/lib/schemas/compare";

// Reads the NDJSON stream of POST /api/compare and keeps one card's state per model.

export interface ModelCard {
  slug: string;
  label: string;
  kind: string;
  status: "waiting" | "done" | "failed";
  content: string | null;
  finishReason: string | null;
  finishReasonRaw: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  cachedTokens: number | null;
  costUsd: number | null;
  latencyMs: number | null;
  attempts: number;
  error: string | null;
  refused: boolean | null;
  refusalSignals: string | null;
  judging: boolean;
  quality: number | null;
  judgeRationale: string | null;
  judgeError: string | null;
}

export interface CompareState {
  experimentId: string | null;
  cards: ModelCard[];
  recommendation: Record<string, unknown> | null;
  finished: boolean;
  error: string | null;
}

type Action = { type: "reset" } | { type: "event"; event: Record<string, unknown> } | { type: "error"; message: string };

const initial: CompareState = { experimentId: null, cards: [], recommendation: null, finished: false, error: null };

function reducer(state: CompareState, action: Action): CompareState {
  if (action.type === "reset") return initial;
  if (action.type === "error") return { ...state, error: action.message, finished: true };
  const e = action.event;
  switch (e.type) {
    case "started": {
      const models = e.models as { slug: string; label: string; kind: string }[];
      return {
        ...state,
        experimentId: String(e.experimentId),
        cards: models.map((m) => ({
          slug: m.slug, label: m.label, kind: m.kind, status: "waiting", content: null, finishReason: null, finishReasonRaw: null,
          promptTokens: null, completionTokens: null, cachedTokens: null, costUsd: null, latencyMs: null, attempts: 0, error: null,
          refused: null, refusalSignals: null, judging: false, quality: null, judgeRationale: null, judgeError: null,
        })),
      };
    }
    case "cell": {
      const o = e.outcome as Record<string, unknown>;
      return {
        ...state,
        cards: state.cards.map((c) =>
          c.slug !== e.model
            ? c
            : {
                ...c,
                status: o.status === "done" ? "done" : "failed",
                content: (o.content as string | null) ?? null,
                finishReason: (o.finishReason as string | null) ?? null,
                finishReasonRaw: (o.finishReasonRaw as string | null) ?? null,
                promptTokens: (o.promptTokens as number | null) ?? null,
                completionTokens: (o.completionTokens as number | null) ?? null,
                cachedTokens: (o.cachedTokens as number | null) ?? null,
                costUsd: (o.costUsd as number | null) ?? null,
                latencyMs: (o.latencyMs as number | null) ?? null,
                attempts: (o.attempts as number) ?? 0,
                error: (o.error as string | null) ?? null,
                refused: (o.refused as boolean | null) ?? null,
                refusalSignals: (o.refusalSignals as string | null) ?? null,
                judging: o.status === "done",
              },
        ),
      };
    }
    case "judgment":
      return {
        ...state,
        cards: state.cards.map((c) =>
          c.slug !== e.model
            ? c
            : {
                ...c,
                judging: false,
                quality: (e.quality as number | null) ?? null,
                judgeRationale: (e.rationale as string | null) ?? null,
                judgeError: (e.error as string | null) ?? null,
                refused: c.refused || e.refused === true,
                refusalSignals: e.refused === true && !c.refusalSignals?.includes("judge") ? [c.refusalSignals, "judge"].filter(Boolean).join(",") : c.refusalSignals,
              },
        ),
      };
    case "report":
      return { ...state, recommendation: (e.recommendation as Record<string, unknown> | null) ?? null };
    case "finished":
      return { ...state, finished: true, cards: state.cards.map((c) => ({ ...c, judging: false })) };
    case "error":
      return { ...state, error: String((e.error as { message?: string })?.message ?? "The comparison failed"), finished: true };
    default:
      return state;
  }
}

export interface ApiError {
  message: string;
  fields?: Record<string, string>;
}

export function useCompareStream() {
  const [state, dispatch] = useReducer(reducer, initial);
  const mutation = useMutation<void, ApiError, CompareRequest>({
    mutationFn: async (body) => {
      dispatch({ type: "reset" });
      const res = await fetch("/api/compare", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (!res.ok || !res.body) {
        const err = (await res.json().catch(() => null)) as { error?: ApiError } | null;
        throw { message: err?.error?.message ?? `The server answered ${res.status}`, fields: err?.error?.fields };
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        let nl: number;
        while ((nl = buffer.indexOf("\n")) >= 0) {
          const line = buffer.slice(0, nl).trim();
          buffer = buffer.slice(nl + 1);
          if (line) dispatch({ type: "event", event: JSON.parse(line) as Record<string, unknown> });
        }
      }
      dispatch({ type: "event", event: { type: "finished" } });
    },
    onError: (err) => dispatch({ type: "error", message: err.message }),
  });
  return { state, start: mutation.mutate, isRunning: mutation.isPending, error: mutation.error };
}
