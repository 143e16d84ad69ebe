// Reading the common LLM-log fields tolerantly: OpenAI chat/completions/responses and Anthropic messages shapes.
import type { ChatMessage, Usage } from "./types";

export type Obj = Record<string, unknown>;
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const NO_PROMPT = "no prompt: needs messages (list of {role, content}) or prompt";

export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

/** A non-negative finite number, from a number or a numeric string; null otherwise. */
export function num(v: unknown): number | null {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
}

export const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);

const TEXT_PART_TYPES = new Set(["text", "input_text", "output_text"]);

/** Text of a message content: a string, or a list of text parts (OpenAI / Anthropic / Responses API). */
export function textOf(content: unknown, path: string): Result<string> {
  if (typeof content === "string") return { ok: true, value: content };
  if (isObj(content) && typeof content.text === "string") return { ok: true, value: content.text };
  if (!Array.isArray(content)) {
    return { ok: false, error: content == null ? `${path} is missing` : `${path} must be text, not ${kindOf(content)}` };
  }
  const texts: string[] = [];
  for (const [i, part] of content.entries()) {
    if (typeof part === "string") texts.push(part);
    else if (isObj(part) && typeof part.text === "string" && (part.type === undefined || TEXT_PART_TYPES.has(String(part.type)))) {
      texts.push(part.text);
    } else {
      const type = isObj(part) && typeof part.type === "string" ? part.type : kindOf(part);
      return { ok: false, error: `${path}[${i}] is ${type} content; only text can be replayed` };
    }
  }
  return { ok: true, value: texts.join("\n") };
}

const ROLES: Record<string, ChatMessage["role"]> = { system: "system", developer: "system", user: "user", assistant: "assistant" };

export function parseMessages(raw: unknown, path = "messages"): Result<ChatMessage[]> {
  if (!Array.isArray(raw)) return { ok: false, error: `${path} must be a list of {role, content}, not ${kindOf(raw)}` };
  if (raw.length === 0) return { ok: false, error: `${path} is empty` };
  const out: ChatMessage[] = [];
  for (const [i, m] of raw.entries()) {
    if (!isObj(m)) return { ok: false, error: `${path}[${i}] must be an object {role, content}, not ${kindOf(m)}` };
    const role = typeof m.role === "string" ? ROLES[m.role.toLowerCase()] : undefined;
    if (!role) {
      const got = typeof m.role === "string" ? ` (got "${m.role.slice(0, 40)}")` : m.role === undefined ? " (missing)" : "";
      return { ok: false, error: `${path}[${i}].role must be system, user or assistant${got}` };
    }
    const text = textOf(m.content, `${path}[${i}].content`);
    if (!text.ok) return text;
    out.push({ role, content: text.value });
  }
  if (!out.some((m) => m.role === "user")) return { ok: false, error: `${path} has no user message` };
  return { ok: true, value: out };
}

/**
 * The prompt of a request body: OpenAI chat `messages` (+ Anthropic top-level `system`), completions `prompt`,
 * or Responses API `input` (+ `instructions`). null when the body has none of these fields.
 */
export function promptOf(body: Obj): Result<ChatMessage[]> | null {
  const systemRaw = body.system ?? body.instructions;
  let system: string | null = null;
  if (systemRaw !== undefined && systemRaw !== null) {
    const s = textOf(systemRaw, body.system !== undefined ? "system" : "instructions");
    if (!s.ok) return s;
    system = s.value.trim() === "" ? null : s.value;
  }
  const withSystem = (msgs: ChatMessage[]): Result<ChatMessage[]> => ({
    ok: true,
    value: system !== null && msgs[0]?.role !== "system" ? [{ role: "system", content: system }, ...msgs] : msgs,
  });
  const single = (v: unknown, name: string): Result<ChatMessage[]> => {
    const p = Array.isArray(v) && v.length === 1 && typeof v[0] === "string" ? v[0] : v;
    if (typeof p !== "string") return { ok: false, error: `${name} must be text, not ${kindOf(p)}` };
    if (p.trim() === "") return { ok: false, error: `${name} is empty` };
    return withSystem([{ role: "user", content: p }]);
  };

  if (body.messages !== undefined) {
    const msgs = parseMessages(body.messages);
    return msgs.ok ? withSystem(msgs.value) : msgs;
  }
  if (body.prompt !== undefined) return single(body.prompt, "prompt");
  if (Array.isArray(body.input) && body.input.some(isObj)) {
    const msgs = parseMessages(body.input, "input");
    return msgs.ok ? withSystem(msgs.value) : msgs;
  }
  if (body.input !== undefined) return single(body.input, "input");
  return null;
}

/** The answer text of a completion: a string, OpenAI choices, Anthropic content blocks or Responses API output. */
export function responseOf(body: unknown): string | null {
  if (typeof body === "string") return body;
  if (!isObj(body)) return null;
  if (Array.isArray(body.choices)) {
    const c = body.choices[0];
    if (!isObj(c)) return null;
    if (isObj(c.message)) {
      const t = textOf(c.message.content, "content");
      return t.ok ? t.value : null;
    }
    return typeof c.text === "string" ? c.text : null;
  }
  if (typeof body.output_text === "string") return body.output_text;
  const blocks = Array.isArray(body.content) ? body.content : Array.isArray(body.output) ? body.output : null;
  if (blocks) {
    const texts: string[] = [];
    for (const b of blocks) {
      if (!isObj(b)) continue;
      if (typeof b.text === "string" && (b.type === "text" || b.type === "output_text")) texts.push(b.text);
      else if (b.type === "message" && Array.isArray(b.content)) {
        for (const p of b.content) if (isObj(p) && typeof p.text === "string") texts.push(p.text);
      }
    }
    return texts.length > 0 ? texts.join("\n") : null;
  }
  return null;
}

/**
 * Usage in OpenAI terms (prompt_tokens, completion_tokens, prompt_tokens_details.cached_tokens) or Anthropic terms
 * (input_tokens, output_tokens, cache_read_input_tokens, cache_creation_input_tokens). Anthropic's input_tokens
 * exclude cache reads and writes, so they are added back: in our Usage cachedTokens are part of promptTokens.
 */
export function usageOf(raw: unknown): Usage | null {
  if (!isObj(raw)) return null;
  const int = (v: unknown) => {
    const n = num(v);
    return n === null ? null : Math.round(n);
  };
  const details = isObj(raw.prompt_tokens_details) ? raw.prompt_tokens_details : {};
  const openaiPrompt = int(raw.prompt_tokens) ?? int(raw.promptTokens);
  const completion = int(raw.completion_tokens) ?? int(raw.completionTokens) ?? int(raw.output_tokens);
  if (openaiPrompt !== null || raw.input_tokens === undefined) {
    if (openaiPrompt === null && completion === null) return null;
    const cached = int(details.cached_tokens) ?? int(raw.cachedTokens) ?? 0;
    return { promptTokens: openaiPrompt ?? 0, completionTokens: completion ?? 0, cachedTokens: cached };
  }
  const input = int(raw.input_tokens);
  const read = int(raw.cache_read_input_tokens) ?? 0;
  const write = int(raw.cache_creation_input_tokens) ?? 0;
  if (input === null && completion === null) return null;
  return { promptTokens: (input ?? 0) + read + write, completionTokens: completion ?? 0, cachedTokens: read };
}

/** A JSON value that may arrive as a JSON string (CSV cells, some exports). */
export function parseMaybeJson(v: unknown, name: string): Result<unknown> {
  if (typeof v !== "string") return { ok: true, value: v };
  const t = v.trim();
  if (!t.startsWith("{") && !t.startsWith("[")) return { ok: true, value: v };
  try {
    return { ok: true, value: JSON.parse(t) };
  } catch (e) {
    return { ok: false, error: `${name} is not valid JSON (${jsonErrorText(e)})` };
  }
}

export function jsonErrorText(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.length > 120 ? `${msg.slice(0, 117)}…` : msg;
}
