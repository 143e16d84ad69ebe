// The gateway sometimes reports an upstream failure as a JSON string ({"html-message": "..."} or {"error":
// {"message": "..."}}); a connection test shows the message inside, not the JSON around it.

export function readableError(text: string): string {
  const trimmed = text.trim();
  const start = trimmed.indexOf("{");
  if (start === -1) return trimmed;
  try {
    const obj = JSON.parse(trimmed.slice(start)) as Record<string, unknown>;
    const err = obj.error as Record<string, unknown> | string | undefined;
    const inner = obj["html-message"] ?? (typeof err === "object" && err !== null ? err.message : err) ?? obj.message;
    if (typeof inner === "string" && inner.trim()) return `${trimmed.slice(0, start)}${inner.trim()}`.replace(/\s+/g, " ");
  } catch {
    // not JSON after all: keep the text
  }
  return trimmed;
}
