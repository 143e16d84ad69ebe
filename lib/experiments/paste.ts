import type { ChatMessage } from "@/lib/portkey/call";

// Pasted cases: JSONL when every non-empty line is a JSON object with "prompt" or "messages", else one prompt per line.

export interface PastedCase {
  messages: ChatMessage[];
  reference?: string;
  response?: string;
}

export type PasteResult = { ok: true; cases: PastedCase[]; format: "lines" | "jsonl" } | { ok: false; errors: { line: number; reason: string }[] };

export function parsePasted(text: string, system?: string): PasteResult {
  const lines = text.split(/\r?\n/).map((l, i) => ({ n: i + 1, text: l.trim() })).filter((l) => l.text);
  const pre: ChatMessage[] = system?.trim() ? [{ role: "system", content: system.trim() }] : [];
  const looksJson = lines.length > 0 && lines.every((l) => l.text.startsWith("{"));
  if (!looksJson) return { ok: true, format: "lines", cases: lines.map((l) => ({ messages: [...pre, { role: "user", content: l.text }] })) };
  const errors: { line: number; reason: string }[] = [];
  const cases: PastedCase[] = [];
  for (const l of lines) {
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(l.text) as Record<string, unknown>;
    } catch {
      errors.push({ line: l.n, reason: "not valid JSON" });
      continue;
    }
    if (typeof obj.prompt === "string" && obj.prompt.trim()) {
      cases.push({ messages: [...pre, { role: "user", content: obj.prompt }], ...optional(obj) });
    } else if (Array.isArray(obj.messages) && obj.messages.every(isMessage) && obj.messages.some((m) => (m as ChatMessage).role === "user")) {
      cases.push({ messages: obj.messages as ChatMessage[], ...optional(obj) });
    } else {
      errors.push({ line: l.n, reason: 'needs "prompt" (string) or "messages" (list of {role, content} with a user message)' });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, format: "jsonl", cases };
}

function isMessage(m: unknown): boolean {
  const o = m as { role?: unknown; content?: unknown };
  return Boolean(o) && typeof o.content === "string" && (o.role === "system" || o.role === "user" || o.role === "assistant");
}

function optional(obj: Record<string, unknown>): { reference?: string; response?: string } {
  return {
    ...(typeof obj.reference === "string" ? { reference: obj.reference } : {}),
    ...(typeof obj.response === "string" ? { response: obj.response } : {}),
  };
}
