// One line of a JSONL prompt log -> a case. The documented shape is an OpenAI-style request
//   {"messages": [...] | "prompt": "...", "model"?, "response"?: "..." | {choices…}, "usage"?, "latency_ms"?}
// and the obvious variants are accepted: `choices` at the top level (a logged chat.completion), an OpenAI Batch
// API line ({custom_id, body: {messages…}}), a {request, response} pair, `completion`/`output`/`answer` for the
// answer, Anthropic usage and content blocks, and `reference`/`expected`/`ideal` for a gold answer.
import { isObj, kindOf, NO_PROMPT, num, promptOf, responseOf, str, usageOf, type Obj } from "./fields";
import type { ImportedCase, Mapped } from "./types";

function requestBody(rec: Obj): Obj {
  if (isObj(rec.body) && (rec.body.messages !== undefined || rec.body.prompt !== undefined)) return rec.body;
  if (isObj(rec.request)) {
    const r = rec.request;
    return isObj(r.body) ? r.body : r;
  }
  return rec;
}

function responseValue(rec: Obj): unknown {
  const candidates = [rec.response, rec.completion, rec.output, rec.answer];
  for (const c of candidates) {
    if (c === undefined || c === null) continue;
    // {response: {status_code, body: {choices…}}} is the OpenAI Batch output line shape.
    return isObj(c) && isObj(c.body) ? c.body : c;
  }
  return Array.isArray(rec.choices) || Array.isArray(rec.content) ? rec : undefined;
}

function metadataOf(rec: Obj): Record<string, unknown> | undefined {
  const meta: Record<string, unknown> = isObj(rec.metadata) ? { ...rec.metadata } : {};
  for (const key of ["id", "custom_id"]) {
    const v = rec[key];
    if ((typeof v === "string" || typeof v === "number") && meta[key] === undefined) meta[key] = v;
  }
  return Object.keys(meta).length > 0 ? meta : undefined;
}

export function caseFromJsonRecord(rec: unknown): Mapped {
  if (!isObj(rec)) return { ok: false, error: `expected a JSON object, got ${kindOf(rec)}` };
  const body = requestBody(rec);
  const prompt = promptOf(body);
  if (prompt === null) return { ok: false, error: NO_PROMPT };
  if (!prompt.ok) return prompt;

  const res = responseValue(rec);
  const resObj = isObj(res) ? res : null;
  const latency =
    num(rec.latency_ms) ?? num(rec.latencyMs) ?? num(rec.latency) ?? num(rec.duration_ms) ?? num(rec.response_time);
  const reference = str(rec.reference) ?? str(rec.expected) ?? str(rec.ideal) ?? str(rec.reference_answer);
  const c: ImportedCase = {
    messages: prompt.value,
    response: res === undefined ? null : responseOf(res),
    model: str(rec.model) ?? str(resObj?.model) ?? str(body.model),
    usage: usageOf(rec.usage) ?? usageOf(resObj?.usage),
    latencyMs: latency,
  };
  if (reference !== null) c.reference = reference;
  const metadata = metadataOf(rec);
  if (metadata) c.metadata = metadata;
  return { ok: true, case: c };
}
