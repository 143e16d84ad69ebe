import "server-only";
import { secretValues } from "@/lib/env";

// Server log lines, with any configured secret value replaced, so a provider error that echoes a key cannot leak it.
export function scrub(text: string): string {
  let out = text;
  for (const s of secretValues()) out = out.split(s).join("[redacted]");
  return out.replace(/(sk|pk|key)-[A-Za-z0-9_-]{16,}/g, "[redacted]");
}

export function logError(context: string, err: unknown): void {
  const msg = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  console.error(`[tradeoff] ${context}: ${scrub(msg)}`);
}

export function logInfo(message: string): void {
  console.log(`[tradeoff] ${scrub(message)}`);
}
