import { createHash } from "node:crypto";
import type { ChatMessage } from "./types";

/**
 * Identity of a prompt: sha256 over the roles and contents (JSON-encoded, so no two different conversations
 * collide by concatenation), first 16 bytes as 32 hex characters. Exact: whitespace and case count.
 */
export function promptHash(messages: readonly ChatMessage[]): string {
  const h = createHash("sha256");
  h.update(JSON.stringify(messages.map((m) => [m.role, m.content])));
  return h.digest("hex").slice(0, 32);
}
