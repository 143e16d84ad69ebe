import "server-only";
import { timingSafeEqual } from "node:crypto";
import { findShareLinkByHash } from "@/lib/db/share-links";
import { isShareLinkUsable } from "./state";
import { hashShareToken, isShareTokenShape } from "./token";

// Token from a /share/<token> URL -> the experiment it opens, or null. Callers show one plain "not found" for every
// null: unknown, malformed, revoked and expired links are indistinguishable from the outside.

export async function resolveShareToken(token: string): Promise<{ experimentId: string } | null> {
  return resolveShareTokenAt(token, new Date());
}

/** resolveShareToken with the clock injected (tests check expiry without waiting). */
export async function resolveShareTokenAt(token: string, now: Date): Promise<{ experimentId: string } | null> {
  if (!isShareTokenShape(token)) return null;
  const computed = hashShareToken(token);
  const link = await findShareLinkByHash(computed);
  if (!link) return null;
  // The lookup already matched on the hash; the constant-time comparison guards against a store that matches loosely
  // (collation, case folding) and keeps the final check free of early exits.
  const a = Buffer.from(link.tokenHash, "hex");
  const b = Buffer.from(computed, "hex");
  if (a.length !== b.length || a.length === 0 || !timingSafeEqual(a, b)) return null;
  if (!isShareLinkUsable(link, now)) return null;
  return { experimentId: link.experimentId };
}
