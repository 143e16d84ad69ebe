// Incremental splitter for a top-level JSON array (e.g. AlpacaEval's model_outputs.json): yields the text of each
// element as soon as it is complete, so a file of any size is read with one element (capped) in memory.
// It tracks only string/escape state and bracket depth; each element's text is then JSON.parse'd by the caller.
import { StringDecoder } from "node:string_decoder";

export type ElementItem =
  | { index: number; text: string }
  | { index: number; tooLong: true }
  | { index: number; error: string; fatal: boolean; scope: "element" | "file" };

const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c;
const OPEN_SQ = 0x5b, CLOSE_SQ = 0x5d, OPEN_CURLY = 0x7b, CLOSE_CURLY = 0x7d;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff;

/** maxChars bounds one element's text (UTF-16 code units; equal to bytes for ASCII). */
export async function* splitJsonArray(chunks: AsyncIterable<Buffer>, maxChars: number): AsyncGenerator<ElementItem> {
  const decoder = new StringDecoder("utf8");
  let depth = 0; // 0 = outside the array, 1 = between elements, >1 = inside a nested value
  let closed = false;
  let inString = false;
  let escape = false;
  let inElem = false;
  let parts: string[] = [];
  let elemSize = 0;
  let tooLong = false;
  let index = 1;

  const take = (s: string, from: number, to: number) => {
    if (tooLong || to <= from) return;
    elemSize += to - from;
    if (elemSize > maxChars) {
      tooLong = true;
      parts = [];
    } else parts.push(s.slice(from, to));
  };
  const endElem = (): ElementItem => {
    const item: ElementItem = tooLong ? { index, tooLong: true } : { index, text: parts.join("") };
    parts = [];
    elemSize = 0;
    tooLong = false;
    inElem = false;
    index++;
    return item;
  };

  for await (const chunk of chunks) {
    const s = decoder.write(chunk);
    const n = s.length;
    let segStart = 0; // where the current element's text starts in s
    let i = 0;
    while (i < n) {
      if (inString) {
        if (escape) {
          escape = false;
          i++;
          continue;
        }
        // Jump to the next quote or backslash instead of stepping through the string.
        const q = s.indexOf('"', i);
        const b = s.indexOf("\\", i);
        if (b !== -1 && (q === -1 || b < q)) {
          escape = true;
          i = b + 1;
        } else if (q === -1) i = n;
        else {
          inString = false;
          i = q + 1;
        }
        continue;
      }
      const c = s.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      if (closed) {
        yield { index, error: `unexpected text after the end of the array ("${s[i]}…")`, fatal: true, scope: "file" };
        return;
      }
      if (depth === 0) {
        if (c !== OPEN_SQ) {
          yield { index, error: `not a JSON array (it starts with "${s[i]}" instead of "[")`, fatal: true, scope: "file" };
          return;
        }
        depth = 1;
        i++;
        continue;
      }
      if (depth === 1) {
        if (c === COMMA || c === CLOSE_SQ) {
          if (inElem) {
            take(s, segStart, i);
            yield endElem();
          } else if (c === COMMA) {
            yield { index, error: "empty element (two commas in a row)", fatal: false, scope: "element" };
            index++;
          }
          if (c === CLOSE_SQ) {
            depth = 0;
            closed = true;
          }
          i++;
          continue;
        }
        if (!inElem) {
          inElem = true;
          segStart = i;
        }
      }
      if (c === QUOTE) inString = true;
      else if (c === OPEN_CURLY || c === OPEN_SQ) depth++;
      else if (c === CLOSE_CURLY || c === CLOSE_SQ) {
        if (depth === 1) {
          yield { index, error: `unbalanced "${s[i]}"`, fatal: true, scope: "element" };
          return;
        }
        depth--;
      }
      i++;
    }
    if (inElem) take(s, segStart, n);
  }
  const rest = decoder.end();
  if (rest.trim() !== "" && closed) {
    yield { index, error: "unexpected text after the end of the array", fatal: true, scope: "file" };
    return;
  }
  if (closed) return;
  if (inElem) {
    endElem();
    yield { index: index - 1, error: "the file ends inside this element (is the file cut off?)", fatal: true, scope: "element" };
  } else if (depth === 0) yield { index, error: "not a JSON array (the file is empty)", fatal: true, scope: "file" };
  else yield { index, error: "the file ends before the array is closed with ] (is the file cut off?)", fatal: true, scope: "file" };
}
