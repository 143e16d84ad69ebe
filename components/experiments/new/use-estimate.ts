"use client";
import { useEffect, useState } from "react";
import type { RunEstimate } from "@/lib/estimate/estimate";
import type { ApiError } from "./form-state";

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

export interface EstimateState {
  data: EstimateResponse | null;
  loading: boolean;
  error: ApiError | null;
}

export function useEstimate(body: string | null, delayMs = 400): EstimateState {
  const [state, setState] = useState<EstimateState>({ data: null, loading: false, error: null });

  useEffect(() => {
    if (body === null) {
      setState({ data: null, loading: false, error: null });
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(async () => {
      try {
        const res = await fetch("/api/estimate", { method: "POST", headers: { "content-type": "application/json" }, body, signal: ctrl.signal });
        const json = (await res.json().catch(() => null)) as (EstimateResponse & { error?: { message?: string; fields?: Record<string, string> } }) | null;
        if (ctrl.signal.aborted) return;
        if (!res.ok || !json || json.error) {
          setState({ data: null, loading: false, error: { message: json?.error?.message ?? `The estimate failed (HTTP ${res.status}).`, fields: json?.error?.fields ?? {} } });
        } else setState({ data: json, loading: false, error: null });
      } catch {
        if (!ctrl.signal.aborted) setState((s) => ({ ...s, loading: false, error: { message: "Could not reach the server for an estimate.", fields: {} } }));
      }
    }, delayMs);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [body, delayMs]);

  return state;
}
