// Turns any accepted source into an async stream of byte chunks, and lets a reader peek at the first bytes
// (format detection) without losing them.
import type { ImportSource } from "./types";

function isWebStream(s: unknown): s is ReadableStream<Uint8Array> {
  return typeof s === "object" && s !== null && typeof (s as ReadableStream).getReader === "function";
}

async function* fromWebStream(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stopping early (maxCases, a consumer break) cancels the upload instead of reading it to the end.
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

const toBuffer = (c: Uint8Array | string): Buffer =>
  typeof c === "string" ? Buffer.from(c, "utf8") : Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength);

/** Byte chunks of a source. Strings are UTF-8 encoded. */
export async function* byteChunks(source: ImportSource): AsyncGenerator<Buffer> {
  if (typeof source === "string" || source instanceof Uint8Array) {
    yield toBuffer(source);
    return;
  }
  const iterable: AsyncIterable<Uint8Array | string> = isWebStream(source)
    ? fromWebStream(source)
    : (source as AsyncIterable<Uint8Array | string>);
  for await (const chunk of iterable) {
    const buf = toBuffer(chunk);
    if (buf.length > 0) yield buf;
  }
}

export interface Peeked {
  /** At least `bytes` bytes from the start (fewer if the source is shorter). */
  head: Buffer;
  /** The whole source again, head included. */
  chunks: AsyncGenerator<Buffer>;
  /** Releases the source (closes the file or stream) when `chunks` is not read to the end. */
  close: () => Promise<void>;
}

/** Reads the first `bytes` bytes and hands back a stream that still starts at byte 0. */
export async function peek(chunks: AsyncGenerator<Buffer>, bytes = 4096): Promise<Peeked> {
  const got: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < bytes) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    got.push(next.value);
    size += next.value.length;
  }
  async function* replay(): AsyncGenerator<Buffer> {
    try {
      yield* got.splice(0);
      if (!ended) yield* chunks;
    } finally {
      await chunks.return(undefined);
    }
  }
  const close = async () => {
    await chunks.return(undefined);
  };
  return { head: Buffer.concat(got), chunks: replay(), close };
}

/** The head as text for sniffing: without a UTF-8 BOM, a possibly cut multi-byte character dropped. */
export function headText(head: Buffer): string {
  const text = head.toString("utf8");
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\uFFFD$/, "");
}
