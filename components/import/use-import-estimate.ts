"use client";
import { useDebouncedRequest, type DebouncedState } from "@/components/ui/use-debounced-request";
import { postJson } from "./api";
import type { ImportEstimate } from "./types";

// Debounced POST /api/imports/[id]/estimate, recomputed when the choices change. The previous estimate stays on
// screen while the next one is on its way; each change aborts the request before it, so a stale answer never wins.

export type ImportEstimateState = DebouncedState<ImportEstimate>;

/** body: the JSON request (a string, so that equal choices do not refetch), or null when the choices are incomplete. */
export function useImportEstimate(importId: string | null, body: string | null, delayMs = 350): ImportEstimateState {
  return useDebouncedRequest<ImportEstimate>(
    importId && body !== null ? `${importId}\n${body}` : null,
    (signal) => postJson<ImportEstimate>(`/api/imports/${encodeURIComponent(importId ?? "")}/estimate`, JSON.parse(body ?? "null"), "The estimate", signal),
    delayMs,
  );
}
