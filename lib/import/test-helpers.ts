// Helpers for the importer tests (not shipped code).
import { readCases } from "./read";
import type { ImportEvent, ImportedCase, ReadOptions } from "./types";

/** The text as byte chunks of `size` bytes, cutting through lines and multi-byte characters on purpose. */
export async function* chunked(text: string, size: number): AsyncGenerator<Buffer> {
  const buf = Buffer.from(text, "utf8");
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

export async function collect(source: Parameters<typeof readCases>[0], opts: ReadOptions): Promise<ImportEvent[]> {
  const out: ImportEvent[] = [];
  for await (const ev of readCases(source, opts)) out.push(ev);
  return out;
}

export function casesOf(events: ImportEvent[]): ImportedCase[] {
  return events.flatMap((e) => (e.type === "case" ? [e.case] : []));
}

export function badOf(events: ImportEvent[]): { line: number; reason: string }[] {
  return events.flatMap((e) => (e.type === "bad" ? [{ line: e.line, reason: e.reason }] : []));
}

export const jsonl = (...records: unknown[]) => records.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n");
