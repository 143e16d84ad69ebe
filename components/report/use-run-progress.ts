"use client";
import { useEffect, useRef, useState } from "react";
import type { ProgressSnapshot } from "@/lib/schemas/progress";

// Live progress of a run over Server-Sent Events (GET /api/experiments/[id]/events): "progress" snapshots, then one
// "finished". The stream closes itself after "finished"; closing it here as well stops EventSource from reconnecting.

export type LiveProgress = ProgressSnapshot;

export function useRunProgress(experimentId: string, watching: boolean, onFinished: (status: string) => void) {
  const [progress, setProgress] = useState<LiveProgress | null>(null);
  const [lost, setLost] = useState(false);
  const finishedRef = useRef(onFinished);
  useEffect(() => {
    finishedRef.current = onFinished;
  }, [onFinished]);

  useEffect(() => {
    if (!watching) return;
    const es = new EventSource(`/api/experiments/${encodeURIComponent(experimentId)}/events`);
    es.addEventListener("progress", (e) => {
      setLost(false);
      try {
        setProgress(JSON.parse((e as MessageEvent<string>).data) as LiveProgress);
      } catch {}
    });
    es.addEventListener("finished", (e) => {
      es.close();
      let status = "done";
      try {
        status = (JSON.parse((e as MessageEvent<string>).data) as { status: string }).status;
      } catch {}
      finishedRef.current(status);
    });
    es.onerror = () => {
      // EventSource retries by itself while the connection is merely interrupted; CLOSED means it gave up.
      setLost(true);
      if (es.readyState === EventSource.CLOSED) finishedRef.current("unknown");
    };
    return () => es.close();
  }, [experimentId, watching]);

  return { progress, lost };
}
