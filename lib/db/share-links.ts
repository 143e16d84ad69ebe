import "server-only";
import { db } from "./client";

// The only Prisma access for ShareLink. tokenHash goes in on create and comes out only through
// findShareLinkByHash (for lib/share/resolve.ts); every other function selects around it.

export interface ShareLinkRow {
  id: string;
  experimentId: string;
  label: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

/** A row with its hash: returned only by findShareLinkByHash, for the constant-time check in resolve.ts. */
export interface ShareLinkSecretRow extends ShareLinkRow {
  tokenHash: string;
}

export interface NewShareLink {
  experimentId: string;
  tokenHash: string;
  label: string | null;
  expiresAt: Date | null;
  /** Defaults to the database's now; pass the instant the expiry was computed from so the two agree exactly. */
  createdAt?: Date;
}

const PUBLIC_FIELDS = { id: true, experimentId: true, label: true, expiresAt: true, revokedAt: true, createdAt: true } as const;

/** A generous cap: a list longer than this is a bug or abuse, not a UI need. */
const MAX_LISTED = 500;

export async function createShareLink(input: NewShareLink): Promise<ShareLinkRow> {
  const prisma = await db();
  return prisma.shareLink.create({ data: input, select: PUBLIC_FIELDS });
}

/** Newest first; never the hash. */
export async function listShareLinks(experimentId: string): Promise<ShareLinkRow[]> {
  const prisma = await db();
  return prisma.shareLink.findMany({ where: { experimentId }, select: PUBLIC_FIELDS, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: MAX_LISTED });
}

/**
 * Revokes a link of this experiment. Idempotent: a second call keeps the first revocation time.
 * null when no link with this id belongs to this experiment.
 */
export async function revokeShareLink(experimentId: string, linkId: string, now: Date = new Date()): Promise<ShareLinkRow | null> {
  const prisma = await db();
  await prisma.shareLink.updateMany({ where: { id: linkId, experimentId, revokedAt: null }, data: { revokedAt: now } });
  return prisma.shareLink.findFirst({ where: { id: linkId, experimentId }, select: PUBLIC_FIELDS });
}

export async function findShareLinkByHash(tokenHash: string): Promise<ShareLinkSecretRow | null> {
  const prisma = await db();
  return prisma.shareLink.findUnique({ where: { tokenHash }, select: { ...PUBLIC_FIELDS, tokenHash: true } });
}
