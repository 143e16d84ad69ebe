/** Normalises OpenAI chat-completions and Anthropic messages request bodies. */
import { sha256 } from "./hash";

export type Provider = "openai" | "anthropic";

export interface Msg {
  role: string;
  text: string;
}

export interface ParsedRequest {
  provider: Provider;
  model: string;
  /** All messages in order; Anthropic's top-level `system` becomes a leading system message. */
  messages: Msg[];
  stream: boolean;
  maxTokens: number | undefined;
  /** sha256 of model + messages (+ Anthropic system): identifies "the same request" across retries. */
  key: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Extracts plain text from string / content-part arrays (text, tool_result, nested content). */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content.map(contentText).filter((t) => t.length > 0).join("\n");
  }
  if (isRecord(content)) {
    if (typeof content.text === "string") return content.text;
    if ("content" in content) return contentText(content.content);
  }
  return "";
}

export function parseRequest(
  provider: Provider,
  body: unknown,
): { ok: true; req: ParsedRequest } | { ok: false; message: string } {
  if (!isRecord(body)) return { ok: false, message: "Request body must be a JSON object." };
  const model = body.model;
  if (typeof model !== "string" || model.length === 0) {
    return { ok: false, message: "you must provide a model parameter" };
  }
  if (!Array.isArray(body.messages)) {
    return { ok: false, message: "messages: field required (must be an array)" };
  }
  const messages: Msg[] = [];
  if (provider === "anthropic" && body.system !== undefined) {
    messages.push({ role: "system", text: contentText(body.system) });
  }
  for (const m of body.messages) {
    if (!isRecord(m)) return { ok: false, message: "messages: each message must be an object" };
    messages.push({ role: typeof m.role === "string" ? m.role : "user", text: contentText(m.content) });
  }
  const maxRaw =
    provider === "openai" ? (body.max_completion_tokens ?? body.max_tokens) : body.max_tokens;
  const maxTokens =
    typeof maxRaw === "number" && Number.isFinite(maxRaw) && maxRaw >= 0 ? Math.floor(maxRaw) : undefined;
  const key = sha256(
    JSON.stringify({ model, messages: body.messages, ...(provider === "anthropic" ? { system: body.system ?? null } : {}) }),
  );
  return { ok: true, req: { provider, model, messages, stream: body.stream === true, maxTokens, key } };
}

export function lastUserText(messages: readonly Msg[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m && m.role === "user") return m.text;
  }
  return "";
}
