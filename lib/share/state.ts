// A share link's state at a moment, as pure functions (no I/O): used by the list, by resolve and by the tests.

export type ShareLinkState = "active" | "expired" | "revoked";

export interface ShareLinkTimes {
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export const MAX_EXPIRY_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Revoked wins over expired (it was a deliberate act); a link expires at the instant `expiresAt`, not after it. */
export function shareLinkState(link: ShareLinkTimes, now: Date): ShareLinkState {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

export function isShareLinkUsable(link: ShareLinkTimes, now: Date): boolean {
  return shareLinkState(link, now) === "active";
}

/** `expiresInDays` from the request -> the expiry instant; null or undefined = never expires. */
export function expiryFrom(expiresInDays: number | null | undefined, now: Date): Date | null {
  if (expiresInDays === null || expiresInDays === undefined) return null;
  if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > MAX_EXPIRY_DAYS) {
    throw new RangeError(`expiresInDays must be an integer from 1 to ${MAX_EXPIRY_DAYS}`);
  }
  return new Date(now.getTime() + expiresInDays * DAY_MS);
}
