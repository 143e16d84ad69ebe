import { z } from "zod";
import { MAX_EXPIRY_DAYS, type ShareLinkState } from "./state";

// The share API's request body and response shapes. No server imports: the share panel uses these too.

export const MAX_SHARE_LABEL_CHARS = 80;

// Strict: a misspelt "expiresIn" must be an error, not silently a link that never expires.
export const createShareLinkSchema = z.strictObject(
  {
    label: z
      .string({ message: "label must be a string" })
      .trim()
      .max(MAX_SHARE_LABEL_CHARS, `label must be at most ${MAX_SHARE_LABEL_CHARS} characters`)
      .nullable()
      .optional()
      .transform((v) => (v ? v : null)),
    expiresInDays: z
      .number({ message: "expiresInDays must be a whole number of days, or null for never" })
      .int("expiresInDays must be a whole number of days")
      .min(1, "expiresInDays must be at least 1")
      .max(MAX_EXPIRY_DAYS, `expiresInDays must be at most ${MAX_EXPIRY_DAYS}`)
      .nullable()
      .optional()
      .transform((v) => v ?? null),
  },
  {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `unknown field: only label and expiresInDays are accepted`
        : 'send a JSON object such as {"label": "For the board", "expiresInDays": 7}',
  },
);

export type CreateShareLinkInput = z.input<typeof createShareLinkSchema>;
export type CreateShareLinkBody = z.output<typeof createShareLinkSchema>;

/** A link as listed: never the token, never its hash. Dates are ISO strings. */
export interface ShareLinkView {
  id: string;
  label: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  state: ShareLinkState;
}

/** The answer to a create: the only time the token is ever sent. */
export interface CreatedShareLinkView {
  id: string;
  label: string | null;
  expiresAt: string | null;
  createdAt: string;
  url: string;
  token: string;
}

export const shareLinkIdSchema = z.string().regex(/^[a-z0-9]{20,32}$/, "not a valid share link id");
