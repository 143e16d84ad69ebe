import "server-only";
import { createHash, createHmac, randomBytes } from "node:crypto";

// Share tokens: 32 random bytes (256 bits) as unpadded base64url. Only a hash is stored; the token is shown once.

export const SHARE_TOKEN_BYTES = 32;
/** ceil(32 * 8 / 6) characters of unpadded base64url. */
export const SHARE_TOKEN_LENGTH = 43;

// 43 chars carry 258 bits, so the last one holds 4 data bits and 2 zero bits: only these 16 characters can end a
// token that base64url-encodes exactly 32 bytes. Anything else is not one of ours and is rejected without a lookup.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;

export function generateShareToken(): string {
  return randomBytes(SHARE_TOKEN_BYTES).toString("base64url");
}

/** True when `token` could be a token we issued (length and charset), checked before any hashing or query. */
export function isShareTokenShape(token: unknown): token is string {
  return typeof token === "string" && token.length === SHARE_TOKEN_LENGTH && TOKEN_SHAPE.test(token);
}

/**
 * sha256 hex of the token; HMAC-SHA256 keyed with the pepper when one is given, so a leaked database alone does not
 * let anyone test guesses offline. Changing the pepper invalidates every existing link.
 */
export function hashShareTokenWith(token: string, pepper: string | undefined): string {
  return pepper ? createHmac("sha256", pepper).update(token, "utf8").digest("hex") : createHash("sha256").update(token, "utf8").digest("hex");
}

/** The server-side pepper from SHARE_TOKEN_PEPPER, if set. Read per call so tests and restarts see the current value. */
export function shareTokenPepper(): string | undefined {
  const v = process.env.SHARE_TOKEN_PEPPER?.trim();
  return v ? v : undefined;
}

export function hashShareToken(token: string): string {
  return hashShareTokenWith(token, shareTokenPepper());
}

/** The app-relative address of the read-only report for a token. */
export function sharePath(token: string): string {
  return `/share/${token}`;
}
