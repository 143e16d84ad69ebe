// previewCsv: the header, the first rows and a suggested mapping, reading only as much of the upload as needed.
import { readCsvRows } from "./csv-rows";
import { guessDelimiter, suggestCsvMapping } from "./csv-suggest";
import { byteChunks, headText, peek } from "./source";
import { DEFAULT_MAX_LINE_BYTES, type CsvMapping, type ImportSource } from "./types";

export interface CsvPreview {
  columns: string[];
  /** Up to maxRows data rows, cells in column order. */
  rows: string[][];
  /** Guessed from header names; `prompt` is absent when no column looks like one. */
  suggestedMapping: Partial<CsvMapping>;
  /** Guessed field delimiter: ",", ";" or "\t". Pass it on as readCases' csvDelimiter. */
  delimiter: string;
  /** Set when the header or the first rows could not be read. */
  error?: string;
}

export async function previewCsv(source: ImportSource, maxRows = 5): Promise<CsvPreview> {
  const { head, chunks } = await peek(byteChunks(source), 64 * 1024);
  const delimiter = guessDelimiter(headText(head).split(/\r?\n/, 1)[0] ?? "");
  const out: CsvPreview = { columns: [], rows: [], suggestedMapping: {}, delimiter };
  const rows = readCsvRows(chunks, { delimiter, maxBytes: DEFAULT_MAX_LINE_BYTES });
  try {
    for await (const item of rows) {
      if (item.kind === "error") {
        out.error = `line ${item.line}: ${item.error}`;
        break;
      }
      if (item.kind === "header") out.columns = item.columns;
      else out.rows.push(item.fields);
      if (out.rows.length >= maxRows) break;
    }
  } finally {
    await rows.return(undefined);
  }
  out.suggestedMapping = suggestCsvMapping(out.columns);
  return out;
}
