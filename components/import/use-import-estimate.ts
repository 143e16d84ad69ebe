"use client";
import { useEffect, useState } from "react";
import { postJson } from "./api";
import type { ApiError, ImportEstimate } from "./types";

// Debounced POST /api/imports/[id]/estimate, recomputed when the choices change. The previous estimate stays on
// screen while the next one is on its way; each change aborts the request before it, so a stale answer never wins.

export interface ImportEstimateState {
  data: ImportEstimate | null;
  loading: boolean;
  error: ApiError | null;
}

/** body: the JSON request (a string, so that equal choices do not refetch), or null when the choices are incomplete. */
export function useImportEstimate(importId: string | null, body: string | null, delayMs = 350): ImportEstimateState {
  const [state, setState] = useState<ImportEstimateState>({ data: null, loading: false, error: null });

  useEffect(() => {
    if (!importId || body === null) {
      setState({ data: null, loading: false, error: null });
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(async () => {
      try {
        const r = await postJson<ImportEstimate>(`/api/imports/${encodeURIComponent(importId)}/estimate`, JSON.parse(body), "The estimate", ctrl.signal);
        if (ctrl.signal.aborted) return;
        setState(r.ok ? { data: r.data, loading: false, error: null } : { data: null, loading: false, error: r.error });
      } catch {
        // aborted: a newer request is on its way
      }
    }, delayMs);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [importId, body, delayMs]);

  return state;
}
