// Guesses the format of an upload from its first bytes (and its file name).
import type { ImportFormat } from "./types";

// Fields only a Portkey log has (ai_model, req_units, …), or the old export's dotted body columns.
const PORTKEY_KEYS =
  /"(ai[ _]model|ai[ _]org|ai[ _]provider|req_units|res_units|response[ _]time|response_status_code|is_success|request\.body|trace[ _]id|cost_currency)"\s*:/i;
const ALPACA_KEYS = /"instruction"\s*:/;
const PORTKEY_CSV_HEADER = /(^|[,;\t])"?(ai[ _]model|response[ _]time|req_units|request\.body)"?([,;\t]|$)/i;

export function detectFormat(firstBytes: string, fileName?: string): ImportFormat {
  const text = firstBytes.replace(/^\uFEFF/, "").trimStart();
  const ext = /\.([a-z0-9]+)$/i.exec(fileName ?? "")?.[1]?.toLowerCase();
  const first = text[0];
  if (first === "{" || first === "[") {
    if (PORTKEY_KEYS.test(text) && /"request(\.body)?"\s*:/i.test(text)) return "portkey";
    if (ALPACA_KEYS.test(text)) return "alpaca";
    return "jsonl";
  }
  if (ext === "jsonl" || ext === "ndjson" || ext === "json") return "jsonl";
  const headerLine = text.split(/\r?\n/, 1)[0] ?? "";
  if (PORTKEY_CSV_HEADER.test(headerLine)) return "portkey";
  if (ext === "csv" || ext === "tsv" || text.length > 0) return "csv";
  return "jsonl";
}
