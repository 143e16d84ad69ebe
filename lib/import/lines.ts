// Splits a byte stream into lines without holding more than one line (capped at maxBytes) in memory.
// Splitting happens on bytes (0x0A), so a multi-byte UTF-8 character is never cut: lines are decoded whole.

export type LineItem = { line: number; text: string } | { line: number; tooLong: true };

const NL = 0x0a;

export async function* splitLines(chunks: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<LineItem> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let line = 1;

  const finish = (last: Buffer | null): LineItem => {
    if (tooLong) return { line, tooLong: true };
    const buf = parts.length === 0 ? (last ?? Buffer.alloc(0)) : Buffer.concat(last ? [...parts, last] : parts);
    let end = buf.length;
    if (end > 0 && buf[end - 1] === 0x0d) end--; // CRLF
    if (end > maxBytes) return { line, tooLong: true };
    let text = buf.toString("utf8", 0, end);
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { line, text };
  };
  const reset = () => {
    parts = [];
    size = 0;
    tooLong = false;
    line++;
  };

  for await (const chunk of chunks) {
    let pos = 0;
    for (;;) {
      const nl = chunk.indexOf(NL, pos);
      const end = nl === -1 ? chunk.length : nl;
      const piece = end > pos ? chunk.subarray(pos, end) : null;
      if (piece && !tooLong) {
        if (size + piece.length > maxBytes + 1) {
          // +1 leaves room for the CR of a CRLF line of exactly maxBytes; finish() checks the exact length.
          tooLong = true;
          parts = [];
        } else if (nl === -1) {
          // Keep a copy: the source may reuse its chunk buffers.
          parts.push(Buffer.from(piece));
        }
        size += piece.length;
      }
      if (nl === -1) break;
      yield finish(tooLong ? null : piece);
      reset();
      pos = nl + 1;
    }
  }
  if (size > 0 || tooLong) yield finish(null);
}
