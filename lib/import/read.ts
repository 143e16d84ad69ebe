// readCases: one streaming pass over an upload, yielding each case or the reason a record is not one.
import { caseFromAlpacaRecord } from "./alpaca";
import { bindMapping, caseFromCsvRow } from "./csv-cases";
import { formatBytes, readCsvRows } from "./csv-rows";
import { guessDelimiter, suggestCsvMapping } from "./csv-suggest";
import { detectFormat } from "./detect";
import { jsonErrorText } from "./fields";
import { splitJsonArray } from "./json-array";
import { caseFromJsonRecord } from "./jsonl-record";
import { splitLines } from "./lines";
import { caseFromPortkeyRecord } from "./portkey";
import { byteChunks, headText, peek } from "./source";
import { DEFAULT_MAX_LINE_BYTES, type ImportEvent, type ImportFormat, type ImportSource, type Mapped, type ReadOptions } from "./types";

type Container = "lines" | "array" | "csv";

export interface OpenedSource {
  format: ImportFormat;
  container: Container;
  /** Guessed from the header line for CSV; readCases' csvDelimiter wins. */
  delimiter: string;
  chunks: AsyncGenerator<Buffer>;
  close: () => Promise<void>;
}

const MAPPERS: Record<Exclude<ImportFormat, "csv">, (rec: unknown) => Mapped> = {
  jsonl: caseFromJsonRecord,
  portkey: caseFromPortkeyRecord,
  alpaca: caseFromAlpacaRecord,
};

/** Resolves "auto" and sniffs the container (JSON lines, a JSON array, CSV) from the first bytes. */
export async function openSource(source: ImportSource, opts: Pick<ReadOptions, "format" | "fileName">): Promise<OpenedSource> {
  const { head, chunks, close } = await peek(byteChunks(source));
  const text = headText(head);
  const format = opts.format === "auto" ? detectFormat(text, opts.fileName) : opts.format;
  const first = text.trimStart()[0];
  let container: Container;
  if (format === "csv") container = "csv";
  else if (first === "[") container = "array";
  else if (first === "{") container = "lines";
  else container = format === "portkey" ? "csv" : format === "alpaca" ? "array" : "lines";
  const delimiter = guessDelimiter(text.split(/\r?\n/, 1)[0] ?? "");
  return { format, container, delimiter, chunks, close };
}

export async function* readCases(source: ImportSource, opts: ReadOptions): AsyncGenerator<ImportEvent> {
  yield* readOpened(await openSource(source, opts), opts);
}

export async function* readOpened(src: OpenedSource, opts: ReadOptions): AsyncGenerator<ImportEvent> {
  const maxBytes = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const maxCases = opts.maxCases ?? Infinity;
  try {
    if (maxCases <= 0) return;
    let good = 0;
    const events = src.container === "csv" ? csvEvents(src, opts, maxBytes) : jsonEvents(src, maxBytes);
    for await (const ev of events) {
      yield ev;
      if (ev.type === "case" && ++good >= maxCases) return;
    }
  } finally {
    // Stopping early (maxCases, a fatal error, a consumer's break) closes the file or stream.
    await src.close();
  }
}

async function* jsonEvents(src: OpenedSource, maxBytes: number): AsyncGenerator<ImportEvent> {
  const map = MAPPERS[src.format as Exclude<ImportFormat, "csv">];
  const isArray = src.container === "array";
  const label = isArray ? "element" : "line";
  const items = isArray ? splitJsonArray(src.chunks, maxBytes) : splitLines(src.chunks, maxBytes);
  for await (const item of items) {
    const line = "index" in item ? item.index : item.line;
    const where = `${label} ${line}`;
    if ("error" in item) {
      yield { type: "bad", line, reason: item.scope === "file" ? item.error : `${where}: ${item.error}` };
      if (item.fatal) return;
      continue;
    }
    if ("tooLong" in item) {
      yield { type: "bad", line, reason: `${where}: ${label} longer than ${formatBytes(maxBytes)}` };
      continue;
    }
    if (item.text.trim() === "") continue;
    let rec: unknown;
    try {
      rec = JSON.parse(item.text);
    } catch (e) {
      yield { type: "bad", line, reason: `${where}: not valid JSON (${jsonErrorText(e)})` };
      continue;
    }
    const mapped = map(rec);
    yield mapped.ok ? { type: "case", line, case: mapped.case } : { type: "bad", line, reason: `${where}: ${mapped.error}` };
  }
}

async function* csvEvents(src: OpenedSource, opts: ReadOptions, maxBytes: number): AsyncGenerator<ImportEvent> {
  let rowToCase: ((fields: string[], item: { line: number; row: number }) => Mapped) | null = null;
  for await (const item of readCsvRows(src.chunks, { delimiter: opts.csvDelimiter ?? src.delimiter, maxBytes })) {
    if (item.kind === "error") {
      yield { type: "bad", line: item.line, reason: `line ${item.line}: ${item.error}` };
      return;
    }
    if (item.kind === "header") {
      const columns = item.columns;
      if (src.format === "portkey") {
        // A Portkey export as CSV: each row becomes {column: cell} and is read like a JSON log line.
        rowToCase = (fields) => caseFromPortkeyRecord(Object.fromEntries(columns.map((c, i) => [c, fields[i] ?? ""])));
        continue;
      }
      const mapping = opts.csvMapping ?? suggestCsvMapping(columns);
      if (!mapping.prompt) {
        yield { type: "bad", line: item.line, reason: `line ${item.line}: no prompt column; map one of ${columns.map((c) => `"${c}"`).join(", ")}` };
        return;
      }
      const bound = bindMapping({ ...mapping, prompt: mapping.prompt }, columns);
      if (!bound.ok) {
        yield { type: "bad", line: item.line, reason: `line ${item.line}: ${bound.error}` };
        return;
      }
      rowToCase = (fields, it) => caseFromCsvRow({ kind: "row", fields, line: it.line, row: it.row }, bound.value);
      continue;
    }
    if (!rowToCase) continue;
    if (item.fields.every((f) => f.trim() === "")) continue;
    const mapped = rowToCase(item.fields, item);
    yield mapped.ok
      ? { type: "case", line: item.line, case: mapped.case }
      : { type: "bad", line: item.line, reason: `row ${item.row} (line ${item.line}): ${mapped.error}` };
  }
}
