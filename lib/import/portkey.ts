// One Portkey log (a line of a Portkey "Logs Export") -> a case.
//
// Where the format is documented:
//   - https://portkey.ai/docs/product/observability/logs-export (export fields; JSONL, one log per line)
//   - https://portkey.ai/docs/api-reference/admin-api/data-plane/logs/log-exports-beta/create-a-log-export
//     (requested_data: id, trace_id, created_at, request, response, is_success, ai_org, ai_model, req_units,
//      res_units, total_units, request_url, cost, cost_currency, response_time, response_status_code, mode, config,
//      prompt_slug, metadata)
//   - the older e-mail export named the bodies `request.body` / `response.body`; POST /v1/logs (custom logs) nests
//     them as request.body and response.body with response.response_time and response.status.
//
// Mapping:
//   request (or request.body / request_body; an object or a JSON string; the body itself or {body})
//       -> messages (OpenAI chat messages, Anthropic system+messages, completions prompt, Responses input)
//   response body -> response (choices[0].message.content, choices[0].text, Anthropic content, Responses output);
//       null when is_success is 0/false or response_status_code >= 400
//   ai_model ?? response body model ?? request body model -> model
//   response body usage (OpenAI or Anthropic) ?? req_units/res_units -> usage
//   response_time ?? response.response_time (milliseconds) -> latencyMs
//   id, trace_id, created_at, ai_org, cost (cents), cost_currency, response_status_code, is_success, request_url,
//       config, mode, prompt_slug, metadata -> metadata (camelCase; the log's own metadata under `custom`)
// Column names are matched case-insensitively with spaces as underscores, so the in-app export's display names
// ("AI Model", "Response Time", "Request Tokens", "Status Code", …) map too; a CSV export is read the same way.
import { isObj, kindOf, num, parseMaybeJson, promptOf, responseOf, str, usageOf, type Obj } from "./fields";
import type { ImportedCase, Mapped } from "./types";

const ALIASES: Record<string, string> = {
  "request.body": "request",
  request_body: "request",
  "response.body": "response",
  response_body: "response",
  ai_provider: "ai_org",
  provider: "ai_org",
  model: "ai_model",
  request_tokens: "req_units",
  prompt_tokens: "req_units",
  response_tokens: "res_units",
  completion_tokens: "res_units",
  total_tokens: "total_units",
  status_code: "response_status_code",
  latency: "response_time",
  latency_ms: "response_time",
};

function normaliseKeys(rec: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(rec)) {
    const key = k.trim().toLowerCase().replace(/[\s-]+/g, "_");
    const name = ALIASES[key] ?? key;
    if (out[name] === undefined) out[name] = v;
  }
  return out;
}

/** The body inside a logged request/response: the object itself, or its `body`; JSON strings are parsed. */
function bodyOf(v: unknown, name: string): { ok: true; wrapper: Obj | null; body: unknown } | { ok: false; error: string } {
  const parsed = parseMaybeJson(v, name);
  if (!parsed.ok) return parsed;
  const w = parsed.value;
  if (isObj(w) && w.body !== undefined && w.messages === undefined && w.choices === undefined) {
    const inner = parseMaybeJson(w.body, `${name}.body`);
    return inner.ok ? { ok: true, wrapper: w, body: inner.value } : inner;
  }
  return { ok: true, wrapper: isObj(w) ? w : null, body: w };
}

function successOf(v: unknown): boolean | null {
  if (v === true || v === 1) return true;
  if (v === false || v === 0) return false;
  if (typeof v === "string") {
    const s = v.trim().toLowerCase();
    if (s === "1" || s === "true") return true;
    if (s === "0" || s === "false") return false;
  }
  return null;
}

function metadataOf(r: Obj, status: number | null, success: boolean | null): Record<string, unknown> {
  const m: Record<string, unknown> = {};
  const put = (k: string, v: unknown) => {
    if (v !== undefined && v !== null && v !== "") m[k] = v;
  };
  put("id", r.id);
  put("traceId", r.trace_id);
  put("createdAt", r.created_at);
  put("provider", r.ai_org);
  put("costCents", num(r.cost));
  put("costCurrency", r.cost_currency);
  put("statusCode", status);
  put("success", success);
  put("requestUrl", r.request_url);
  put("config", r.config);
  put("mode", r.mode);
  put("promptSlug", r.prompt_slug);
  const custom = parseMaybeJson(r.metadata, "metadata");
  if (custom.ok && isObj(custom.value) && Object.keys(custom.value).length > 0) m.custom = custom.value;
  else if (r["metadata.key"] !== undefined) m.custom = { [String(r["metadata.key"])]: r["metadata.value"] };
  return m;
}

export function caseFromPortkeyRecord(raw: unknown): Mapped {
  if (!isObj(raw)) return { ok: false, error: `expected a JSON object (one Portkey log), got ${kindOf(raw)}` };
  const r = normaliseKeys(raw);
  if (r.request === undefined || r.request === null || r.request === "") {
    const keys = Object.keys(raw).slice(0, 8).join(", ");
    return { ok: false, error: `not a Portkey log: needs request (the request body); found ${keys || "no fields"}` };
  }
  const req = bodyOf(r.request, "request");
  if (!req.ok) return req;
  if (!isObj(req.body)) return { ok: false, error: `request body must be an object, not ${kindOf(req.body)}` };
  const prompt = promptOf(req.body);
  if (prompt === null) {
    const url = str(r.request_url) ?? str(req.wrapper?.url);
    return { ok: false, error: `request body has no messages or prompt${url ? ` (request_url ${url})` : ""}` };
  }
  if (!prompt.ok) return prompt;

  const res = r.response === undefined || r.response === null ? null : bodyOf(r.response, "response");
  if (res && !res.ok) return res;
  const resBody = res ? res.body : null;
  const resObj = isObj(resBody) ? resBody : null;
  const status = num(r.response_status_code) ?? num(res?.wrapper?.status);
  const success = successOf(r.is_success) ?? (status === null ? null : status < 400);
  const units = num(r.req_units) !== null || num(r.res_units) !== null;

  const c: ImportedCase = {
    messages: prompt.value,
    response: success === false || resBody === null ? null : responseOf(resBody),
    model: str(r.ai_model) ?? str(resObj?.model) ?? str(req.body.model),
    usage:
      usageOf(resObj?.usage) ??
      (units ? { promptTokens: Math.round(num(r.req_units) ?? 0), completionTokens: Math.round(num(r.res_units) ?? 0), cachedTokens: 0 } : null),
    latencyMs: num(r.response_time) ?? num(res?.wrapper?.response_time),
    metadata: metadataOf(r, status, success),
  };
  return { ok: true, case: c };
}
