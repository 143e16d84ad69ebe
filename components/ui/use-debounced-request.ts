"use client";
import { useEffect, useState } from "react";

// A request recomputed as the user edits (estimates): debounced, the previous answer kept on screen while the next
// one is on its way, and each change aborts the request before it, so a stale answer never overwrites a newer one.

export interface RequestError {
  message: string;
  fields: Record<string, string>;
}

export type RequestResult<T> = { ok: true; data: T } | { ok: false; error: RequestError };

export interface DebouncedState<T> {
  data: T | null;
  loading: boolean;
  error: RequestError | null;
}

/** key: the request's identity (e.g. its JSON body); null means "nothing to ask yet". send must honour the signal. */
export function useDebouncedRequest<T>(key: string | null, send: (signal: AbortSignal) => Promise<RequestResult<T>>, delayMs: number): DebouncedState<T> {
  const [state, setState] = useState<DebouncedState<T>>({ data: null, loading: false, error: null });

  useEffect(() => {
    if (key === null) {
      setState({ data: null, loading: false, error: null });
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(async () => {
      try {
        const r = await send(ctrl.signal);
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
    // send is rebuilt on every render; the request is identified by key.
  }, [key, delayMs]);

  return state;
}
