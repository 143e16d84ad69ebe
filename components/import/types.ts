// What the import API answers, as the browser sees it (types only: nothing here runs on the server).
import type { RunEstimate } from "@/lib/estimate/estimate";
import type { CsvPreview } from "@/lib/import/csv-preview";
import type { CsvMapping, ImportFormat, ScanResult } from "@/lib/import/types";

export type { CsvMapping, CsvPreview, ImportFormat, RunEstimate, ScanResult };

/** POST /api/imports and POST /api/imports/[id]/inspect → `import`. `scan` is null for a CSV with no prompt column yet. */
export interface ImportInfo {
  id: string;
  fileName: string;
  bytes: number;
  format: ImportFormat;
  csv: CsvPreview | null;
  csvMapping: CsvMapping | null;
  /** `bad` holds the first 20 bad records; `badCount` counts them all. */
  scan: ScanResult | null;
}

/** POST /api/imports/[id]/estimate */
export interface ImportEstimate {
  /** Good cases in the log. */
  available: number;
  /** Cases in the sample that would be replayed. */
  cases: number;
  estimate: RunEstimate;
}

export interface ApiError {
  message: string;
  fields: Record<string, string>;
}
