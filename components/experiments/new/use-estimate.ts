"use client";
import { useDebouncedRequest, type DebouncedState, type RequestResult } from "@/components/ui/use-debounced-request";
import type { RunEstimate } from "@/lib/estimate/estimate";

// Debounced POST /api/estimate: recomputed as the user edits, the previous estimate kept on screen while a new one
// is on its way, and a stale answer never overwrites a newer one (each change aborts the request before it).

export interface EstimatePayload {
  text: string;
  system?: string;
  baseline: string;
  candidates: string[];
  judge: string | null;
  rubric?: { name: string; weight: number; description?: string }[];
  params?: { maxTokens: number };
}

export interface EstimateResponse {
  format: "lines" | "jsonl" | "prompts";
  estimate: RunEstimate;
}

export type EstimateState = DebouncedState<EstimateResponse>;

export function useEstimate(body: string | null, delayMs = 400): EstimateState {
  return useDebouncedRequest<EstimateResponse>(
    body,
    async (signal): Promise<RequestResult<EstimateResponse>> => {
      let res: Response;
      try {
        res = await fetch("/api/estimate", { method: "POST", headers: { "content-type": "application/json" }, body: body ?? "", signal });
      } catch (e) {
        if (signal.aborted) throw e;
        return { ok: false, error: { message: "Could not reach the server for an estimate.", fields: {} } };
      }
      const json = (await res.json().catch(() => null)) as (EstimateResponse & { error?: { message?: string; fields?: Record<string, string> } }) | null;
      if (!res.ok || !json || json.error) {
        return { ok: false, error: { message: json?.error?.message ?? `The estimate failed (HTTP ${res.status}).`, fields: json?.error?.fields ?? {} } };
      }
      return { ok: true, data: json };
    },
    delayMs,
  );
}
