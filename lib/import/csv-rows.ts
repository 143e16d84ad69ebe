// CSV records from a byte stream, with the line each record starts on. csv-parse does the parsing; records are
// taken synchronously from its on_record hook after each write, so nothing piles up inside the parser and a
// parse error (an unclosed quote, a record over the size cap) is reported with its line instead of losing the
// records before it.
import { parse, type CsvError } from "csv-parse";
import { LineCounter } from "./line-counter";

export type CsvItem =
  | { kind: "header"; line: number; columns: string[] }
  | { kind: "row"; line: number; row: number; fields: string[] }
  | { kind: "error"; line: number; error: string };

function describe(err: CsvError, maxBytes: number): string {
  switch (err.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quoted field in this record is never closed (a missing \" ?); stopped reading";
    case "CSV_MAX_RECORD_SIZE":
      return `record longer than ${formatBytes(maxBytes)} (a missing closing quote?); stopped reading`;
    default:
      return `CSV error: ${err.message}; stopped reading`;
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KB`;
  return `${n} bytes`;
}

export async function* readCsvRows(
  chunks: AsyncIterable<Buffer>,
  opts: { delimiter?: string; maxBytes: number },
): AsyncGenerator<CsvItem> {
  const queue: { fields: string[]; endByte: number }[] = [];
  const lines = new LineCounter();
  const parser = parse({
    bom: true,
    delimiter: opts.delimiter ?? ",",
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: opts.maxBytes,
    on_record: (record: string[], ctx) => {
      queue.push({ fields: record, endByte: ctx.bytes });
      return null; // keep records out of the stream's own buffer
    },
  });
  let failure: CsvError | null = null;
  parser.on("error", (e: CsvError) => {
    failure ??= e;
  });
  parser.resume();

  let rowNo = 0;
  let header = true;
  function* drain(): Generator<CsvItem> {
    for (const r of queue.splice(0)) {
      const line = lines.recordStart(r.endByte);
      if (header) {
        header = false;
        yield { kind: "header", line, columns: r.fields.map((c) => c.trim()) };
      } else yield { kind: "row", line, row: ++rowNo, fields: r.fields };
    }
  }
  // The write callback carries the parse error before the stream's 'error' event fires.
  const write = (chunk: Buffer) =>
    new Promise<void>((resolve) =>
      parser.write(chunk, (err) => {
        if (err) failure ??= err as CsvError;
        resolve();
      }),
    );

  try {
    for await (const chunk of chunks) {
      lines.feed(chunk);
      await write(chunk);
      yield* drain();
      if (failure) break;
    }
    if (!failure) {
      await new Promise<void>((resolve) => {
        parser.once("finish", resolve);
        parser.once("error", () => resolve());
        parser.end();
      });
      yield* drain();
    }
    if (failure) {
      // Point at where the broken record starts, not where the parser gave up.
      yield { kind: "error", line: lines.nextLine(), error: describe(failure as CsvError, opts.maxBytes) };
    } else if (header) yield { kind: "error", line: 1, error: "the file is empty (no header row)" };
  } finally {
    parser.destroy();
  }
}
