"use client";
import { useState } from "react";

// "Test connection": one tiny real call through Portkey (POST /api/models/[slug]/test), showing latency or the error.

type State = { status: "idle" } | { status: "running" } | { status: "ok"; latencyMs: number } | { status: "failed"; error: string };

export function ConnectionTest({ slug, className }: { slug: string; className: string }) {
  const [state, setState] = useState<State>({ status: "idle" });
  const run = async () => {
    setState({ status: "running" });
    try {
      const res = await fetch(`/api/models/${encodeURIComponent(slug)}/test`, { method: "POST" });
      const json = (await res.json().catch(() => null)) as { ok?: boolean; latencyMs?: number; error?: string | { message?: string } } | null;
      if (res.ok && json?.ok) setState({ status: "ok", latencyMs: json.latencyMs ?? 0 });
      else {
        const err = typeof json?.error === "string" ? json.error : json?.error?.message;
        setState({ status: "failed", error: err ?? `The test failed (HTTP ${res.status}).` });
      }
    } catch {
      setState({ status: "failed", error: "Could not reach the server." });
    }
  };
  return (
    <>
      <button type="button" className={className} onClick={run} disabled={state.status === "running"} data-testid={`test-connection-${slug}`}>
        {state.status === "running" ? "Testing…" : "Test connection"}
      </button>
      <span role="status" data-testid={`connection-result-${slug}`} data-state={state.status} className="order-last min-w-0 basis-full text-xs empty:hidden">
        {state.status === "ok" ? (
          <span className="font-medium text-emerald-800 dark:text-emerald-300">✓ Replied in {state.latencyMs.toLocaleString("en-US")} ms</span>
        ) : state.status === "failed" ? (
          <span className="break-words text-red-800 dark:text-red-300">✗ {state.error}</span>
        ) : null}
      </span>
    </>
  );
}
