// scanImport: the summary an upload page shows before anything is stored, in one streaming pass. Memory stays
// bounded: besides the current record it keeps 32-hex-character prompt hashes (for duplicates), the first 100
// bad records, the first 5 cases and per-model counts (capped at MAX_MODELS names).
import { promptHash } from "./hash";
import { openSource, readOpened } from "./read";
import type { ImportedCase, ImportSource, ReadOptions, ScanResult } from "./types";

const MAX_BAD = 100;
const MAX_SAMPLE = 5;
const MAX_MODELS = 1000;
export const OTHER_MODELS = "(other models)";

export async function scanImport(source: ImportSource, opts: ReadOptions): Promise<ScanResult> {
  const opened = await openSource(source, opts);
  const result: ScanResult = {
    format: opened.format,
    total: 0,
    good: 0,
    bad: [],
    badCount: 0,
    duplicates: 0,
    duplicateGroups: 0,
    sample: [],
    recordedAnswers: 0,
    models: {},
    truncated: false,
  };
  // hash -> false when seen once, true once it has a duplicate.
  const seen = new Map<string, boolean>();
  let modelNames = 0;
  const countModel = (model: string) => {
    const name = result.models[model] !== undefined || modelNames < MAX_MODELS ? model : OTHER_MODELS;
    if (result.models[name] === undefined) modelNames++;
    result.models[name] = (result.models[name] ?? 0) + 1;
  };
  const addCase = (c: ImportedCase) => {
    result.good++;
    const h = promptHash(c.messages);
    const dup = seen.get(h);
    if (dup === undefined) seen.set(h, false);
    else {
      result.duplicates++;
      if (!dup) {
        result.duplicateGroups++;
        seen.set(h, true);
      }
    }
    if (c.response !== null) result.recordedAnswers++;
    if (c.model !== null) countModel(c.model);
    if (result.sample.length < MAX_SAMPLE) result.sample.push(c);
  };

  for await (const ev of readOpened(opened, opts)) {
    result.total++;
    if (ev.type === "case") {
      addCase(ev.case);
      if (opts.maxCases !== undefined && result.good >= opts.maxCases) result.truncated = true;
    } else {
      result.badCount++;
      if (result.bad.length < MAX_BAD) result.bad.push({ line: ev.line, reason: ev.reason });
    }
  }
  return result;
}
