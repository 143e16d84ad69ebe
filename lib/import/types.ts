// Shapes shared by the log importers. Plain data only: no Node or framework imports here.
import type { Usage } from "@/lib/domain/types";
import type { ChatMessage } from "@/lib/portkey/call";

export type { ChatMessage, Usage };

/** The record shape of an uploaded log. The container (JSON lines, a JSON array, CSV) is sniffed where it varies. */
export type ImportFormat = "jsonl" | "csv" | "portkey" | "alpaca";
export const IMPORT_FORMATS: readonly ImportFormat[] = ["jsonl", "csv", "portkey", "alpaca"];

/** One prompt from a production log, normalised. null = the log did not say. */
export interface ImportedCase {
  messages: ChatMessage[];
  /** The answer recorded in production, if the log has one. */
  response: string | null;
  /** The model that produced `response`. */
  model: string | null;
  usage: Usage | null;
  latencyMs: number | null;
  /** A reference ("gold") answer, when the log carries one. */
  reference?: string | null;
  metadata?: Record<string, unknown>;
}

/** Column names (as in the header row) for a CSV log. Only `prompt` is required. */
export interface CsvMapping {
  prompt: string;
  system?: string;
  response?: string;
  model?: string;
  promptTokens?: string;
  completionTokens?: string;
  latencyMs?: string;
  reference?: string;
}

/**
 * line: 1-based line number for JSON lines and CSV (CSV: the line where the record starts), element index + 1 for
 * a JSON array. A bad record's reason starts with where it is ("line 7: …", "row 4 (line 5): …", "element 3: …").
 */
export type ImportEvent =
  | { type: "case"; line: number; case: ImportedCase }
  | { type: "bad"; line: number; reason: string };

export interface ReadOptions {
  /** "auto" sniffs the first bytes (and fileName) with detectFormat. */
  format: ImportFormat | "auto";
  /** Required for CSV (previewCsv suggests one). */
  csvMapping?: CsvMapping;
  /** CSV field delimiter; default ",". previewCsv guesses it. */
  csvDelimiter?: string;
  /** Longest accepted line / CSV record / JSON array element, in bytes. Default 1 MB. */
  maxLineBytes?: number;
  /** Stop after this many good cases. */
  maxCases?: number;
  /** Helps "auto" detection (".csv", ".jsonl", …). */
  fileName?: string;
}

/** Anything readCases can read: a Node stream, a web stream, an async iterable of chunks, or the whole text. */
export type ImportSource =
  | AsyncIterable<Uint8Array | string>
  | NodeJS.ReadableStream
  | ReadableStream<Uint8Array>
  | string
  | Uint8Array;

export interface BadRecord {
  line: number;
  reason: string;
}

export interface ScanResult {
  format: ImportFormat;
  /** Records seen (good + bad); blank lines do not count. */
  total: number;
  good: number;
  /** The first 100 bad records. */
  bad: BadRecord[];
  /** All bad records. */
  badCount: number;
  /** Good cases whose prompt (messages) hash was seen before in this file. */
  duplicates: number;
  /** Distinct prompts that occur more than once. */
  duplicateGroups: number;
  /** The first 5 good cases. */
  sample: ImportedCase[];
  /** Good cases that carry a recorded production answer. */
  recordedAnswers: number;
  /** Good cases per answering model (cases without a model are not counted). */
  models: Record<string, number>;
  /** True when the scan stopped at maxCases (the source may hold more). */
  truncated: boolean;
}

export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

/** What a record mapper returns: a case, or why the record cannot be one. */
export type Mapped = { ok: true; case: ImportedCase } | { ok: false; error: string };
