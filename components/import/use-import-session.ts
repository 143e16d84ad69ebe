"use client";
import { useCallback, useRef, useState } from "react";
import { postJson } from "./api";
import { draftFrom, mappingOf, type MappingDraft } from "./csv-mapping";
import type { ApiError, CsvMapping, ImportFormat, ImportInfo } from "./types";

// The uploaded log as the page knows it: the server's latest reading (format, CSV preview, scan), the column mapping
// being edited, and re-reading the file (POST /api/imports/[id]/inspect) when the format or the mapping changes.
// Only the newest re-read counts: each one aborts the one before.

export interface ImportSession {
  info: ImportInfo | null;
  draft: MappingDraft | null;
  /** The CSV mapping to send with estimate / replay (null: not CSV, or no prompt column yet). */
  csvMapping: CsvMapping | null;
  inspecting: boolean;
  error: ApiError | null;
  uploaded: (info: ImportInfo) => void;
  reset: () => void;
  setFormat: (format: ImportFormat) => void;
  setDraft: (draft: MappingDraft) => void;
}

export function useImportSession(): ImportSession {
  const [info, setInfo] = useState<ImportInfo | null>(null);
  const [draft, setDraftState] = useState<MappingDraft | null>(null);
  const [inspecting, setInspecting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const inflight = useRef<AbortController | null>(null);

  const draftOf = (i: ImportInfo) => (i.format === "csv" ? draftFrom(i.csvMapping ?? i.csv?.suggestedMapping) : null);

  const inspect = useCallback(async (id: string, body: { format: ImportFormat; csvMapping?: CsvMapping }, resetDraft: boolean) => {
    inflight.current?.abort();
    const ctrl = new AbortController();
    inflight.current = ctrl;
    setInspecting(true);
    setError(null);
    try {
      const r = await postJson<{ import: ImportInfo }>(`/api/imports/${encodeURIComponent(id)}/inspect`, body, "Reading the file", ctrl.signal);
      if (ctrl.signal.aborted) return;
      if (r.ok) {
        setInfo(r.data.import);
        if (resetDraft) setDraftState(draftOf(r.data.import));
      } else setError(r.error);
    } catch {
      return; // aborted by a newer re-read, which owns the state now
    }
    inflight.current = null;
    setInspecting(false);
  }, []);

  const uploaded = useCallback((i: ImportInfo) => {
    setInfo(i);
    setDraftState(draftOf(i));
    setError(null);
  }, []);

  const reset = useCallback(() => {
    inflight.current?.abort();
    inflight.current = null;
    setInfo(null);
    setDraftState(null);
    setError(null);
    setInspecting(false);
  }, []);

  const setFormat = useCallback(
    (format: ImportFormat) => {
      if (!info) return;
      setDraftState(null);
      void inspect(info.id, { format }, true);
    },
    [info, inspect],
  );

  const setDraft = useCallback(
    (d: MappingDraft) => {
      setDraftState(d);
      if (!info) return;
      const m = mappingOf(d);
      if (m) void inspect(info.id, { format: info.format, csvMapping: m }, false);
      else {
        inflight.current?.abort();
        inflight.current = null;
        setInspecting(false);
        setError(null);
      }
    },
    [info, inspect],
  );

  const csvMapping = info?.format === "csv" && draft ? mappingOf(draft) : null;
  return { info, draft, csvMapping, inspecting, error, uploaded, reset, setFormat, setDraft };
}
