import "server-only";
import { ZodError } from "zod";
import { getExperiment } from "@/lib/db/experiments";
import { createShareLink, listShareLinks, revokeShareLink, type ShareLinkRow } from "@/lib/db/share-links";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { createShareLinkSchema, shareLinkIdSchema, type CreatedShareLinkView, type CreateShareLinkBody, type ShareLinkView } from "./schema";
import { expiryFrom, shareLinkState } from "./state";
import { generateShareToken, hashShareToken, sharePath } from "./token";

// Share links of an experiment: create (the token is returned once), list (never the token or hash), revoke.

async function requireExperiment(experimentId: string): Promise<void> {
  if (!(await getExperiment(experimentId))) throw new AppError("not_found", "No experiment with this id.");
}

/** Validates a create body; unknown keys are reported under their own name, e.g. {"expiresIn": "unknown field…"}. */
export function parseCreateShareLinkBody(raw: unknown): CreateShareLinkBody {
  const parsed = createShareLinkSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") for (const k of issue.keys) fields[k] ??= issue.message;
  }
  const rest = new ZodError(parsed.error.issues.filter((i) => i.code !== "unrecognized_keys"));
  Object.assign(fields, zodFieldErrors(rest));
  const summary = Object.entries(fields).slice(0, 3).map(([k, v]) => `${k}: ${v}`).join("; ");
  throw new AppError("validation_failed", `Invalid request — ${summary}`, fields);
}

export function toShareLinkView(row: ShareLinkRow, now: Date): ShareLinkView {
  return {
    id: row.id,
    label: row.label,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    state: shareLinkState(row, now),
  };
}

export async function createShareLinkForExperiment(experimentId: string, body: CreateShareLinkBody, now: Date = new Date()): Promise<CreatedShareLinkView> {
  await requireExperiment(experimentId);
  const token = generateShareToken();
  const row = await createShareLink({ experimentId, tokenHash: hashShareToken(token), label: body.label, expiresAt: expiryFrom(body.expiresInDays, now), createdAt: now });
  return {
    id: row.id,
    label: row.label,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    url: sharePath(token),
    token,
  };
}

export async function listShareLinksForExperiment(experimentId: string, now: Date = new Date()): Promise<ShareLinkView[]> {
  await requireExperiment(experimentId);
  return (await listShareLinks(experimentId)).map((r) => toShareLinkView(r, now));
}

/** Idempotent; 404 when the link is not one of this experiment's (or the id is malformed). */
export async function revokeShareLinkOfExperiment(experimentId: string, linkId: string, now: Date = new Date()): Promise<ShareLinkView> {
  await requireExperiment(experimentId);
  const id = shareLinkIdSchema.safeParse(linkId);
  const row = id.success ? await revokeShareLink(experimentId, id.data, now) : null;
  if (!row) throw new AppError("not_found", "No share link with this id for this experiment.");
  return toShareLinkView(row, now);
}
