// Line numbers for CSV records from byte offsets. csv-parse reports where each record ends in bytes
// (info.bytes) reliably, but its line counter over-counts CRLF inside quoted fields, so lines are counted here
// over the bytes already fed to the parser. Only chunks not yet passed are kept.

const LF = 0x0a, CR = 0x0d;

export class LineCounter {
  private chunks: { buf: Buffer; start: number }[] = [];
  private fed = 0;
  private consumed = 0;
  private newlines = 0;

  feed(buf: Buffer): void {
    this.chunks.push({ buf, start: this.fed });
    this.fed += buf.length;
  }

  /** The 1-based line a record ending at byte offset `end` starts on (blank lines before it skipped). */
  recordStart(end: number): number {
    let startLine = 0;
    let skipping = true;
    for (const { buf, start } of this.chunks) {
      const from = Math.max(this.consumed, start) - start;
      const to = Math.min(end, start + buf.length) - start;
      if (to <= from) continue;
      let i = from;
      if (skipping) {
        // Between records there are only line breaks (and the BOM at the very start of the file).
        while (i < to) {
          const b = buf[i]!;
          if (b === LF) this.newlines++;
          else if (!(b === CR || (start + i < 3 && (b === 0xef || b === 0xbb || b === 0xbf)))) break;
          i++;
        }
        if (i < to) {
          skipping = false;
          startLine = this.newlines + 1;
        }
      }
      for (let nl = buf.indexOf(LF, i); nl !== -1 && nl < to; nl = buf.indexOf(LF, nl + 1)) this.newlines++;
    }
    this.consumed = Math.max(this.consumed, end);
    while (this.chunks.length > 0 && this.chunks[0]!.start + this.chunks[0]!.buf.length <= this.consumed) this.chunks.shift();
    return skipping ? this.newlines + 1 : startLine;
  }

  /** The line of the first byte not yet part of a record: where a broken record starts. */
  nextLine(): number {
    let line = this.newlines + 1;
    for (const { buf, start } of this.chunks) {
      for (let i = Math.max(this.consumed - start, 0); i < buf.length; i++) {
        const b = buf[i]!;
        if (b === LF) line++;
        else if (b !== CR) return line;
      }
    }
    return line;
  }
}
