/** In-memory request log (bounded) + per-request-key attempt counters + optional JSONL file. */
import { createWriteStream, type WriteStream } from "node:fs";
import type { Outcome } from "./behaviour";
import type { RawDirectives } from "./directives";
import type { Provider } from "./request";

export interface LogEntry {
  seq: number;
  /** Response / request id (chatcmpl-… or msg_…). */
  id: string;
  path: string;
  provider: Provider;
  model: string;
  /** Effective (merged) directives. */
  directives: RawDirectives;
  /** sha256 of model + messages; same key = same request (retries). */
  key: string;
  /** 1-based attempt number for this key. */
  attempt: number;
  /** Epoch ms, high resolution. */
  startedAt: number;
  /** Epoch ms when the response finished or the connection closed; null while pending. */
  endedAt: number | null;
  /** HTTP status sent; 0 for hang / reset / client abort before answering. */
  status: number;
  outcome: Outcome;
  promptPreview: string;
  caseTag: string | null;
  stream: boolean;
  judge: boolean;
  /** Whether an authorization / x-api-key header was present (values are never recorded). */
  auth: boolean;
  /** The client disconnected before the stub answered. */
  aborted: boolean;
  /** Fault injected by faultRate, if any. */
  fault: string | null;
}

export interface RequestLogOptions {
  maxEntries?: number;
  maxKeys?: number;
  file?: string | undefined;
}

export class RequestLog {
  private entries: LogEntry[] = [];
  private nextSeq = 1;
  private attempts = new Map<string, number>();
  private pending = new Set<LogEntry>();
  private readonly maxEntries: number;
  private readonly maxKeys: number;
  private readonly file: WriteStream | undefined;

  constructor(opts: RequestLogOptions = {}) {
    this.maxEntries = opts.maxEntries ?? 50_000;
    this.maxKeys = opts.maxKeys ?? 200_000;
    this.file = opts.file ? createWriteStream(opts.file, { flags: "a" }) : undefined;
    this.file?.on("error", (err) => console.error(`[stub] log file error: ${err.message}`));
  }

  /** Increments and returns the attempt number (1-based) for a request key. */
  nextAttempt(key: string): number {
    const n = (this.attempts.get(key) ?? 0) + 1;
    if (!this.attempts.has(key) && this.attempts.size >= this.maxKeys) {
      const oldest = this.attempts.keys().next();
      if (!oldest.done) this.attempts.delete(oldest.value);
    }
    this.attempts.set(key, n);
    return n;
  }

  add(entry: Omit<LogEntry, "seq">): LogEntry {
    const full: LogEntry = { seq: this.nextSeq++, ...entry };
    this.entries.push(full);
    if (this.entries.length > this.maxEntries) {
      this.entries.splice(0, this.entries.length - this.maxEntries);
    }
    if (full.endedAt === null) this.pending.add(full);
    else this.writeLine(full);
    return full;
  }

  finish(entry: LogEntry, patch: Partial<Pick<LogEntry, "status" | "outcome" | "aborted" | "endedAt">>): void {
    if (!this.pending.has(entry)) return;
    Object.assign(entry, patch);
    if (entry.endedAt === null) entry.endedAt = patch.endedAt ?? performance.timeOrigin + performance.now();
    this.pending.delete(entry);
    this.writeLine(entry);
  }

  list(since?: number): LogEntry[] {
    const items = since === undefined ? this.entries : this.entries.filter((e) => e.seq > since);
    return items.map((e) => ({ ...e, directives: { ...e.directives } }));
  }

  /** Clears entries and attempt counters (seq keeps increasing so `since` stays valid). */
  clear(): void {
    this.entries = [];
    this.attempts.clear();
  }

  /** Finalises pending entries and closes the file stream. */
  async close(): Promise<void> {
    for (const e of [...this.pending]) this.finish(e, { aborted: true });
    const file = this.file;
    if (file) await new Promise<void>((resolve) => file.end(resolve));
  }

  private writeLine(entry: LogEntry): void {
    this.file?.write(JSON.stringify(entry) + "\n");
  }
}
