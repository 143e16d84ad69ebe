// One error contract for the API: {"error": {"code", "message", "fields"?}}. Unknown errors never leak their message.
import { ZodError } from "zod";
import { logError } from "@/lib/log";

export type ErrorCode = "bad_request" | "validation_failed" | "not_found" | "conflict" | "payload_too_large" | "unsupported_media_type" | "internal";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
}

/** Field path -> first message, e.g. {"models.1": "unknown model \"x\""}. */
export function zodFieldErrors(err: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of err.issues) {
    const key = issue.path.length ? issue.path.join(".") : "(body)";
    fields[key] ??= issue.message;
  }
  return fields;
}

export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    return { status: err.status, body: { error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } } };
  }
  if (err instanceof ZodError) {
    const fields = zodFieldErrors(err);
    const summary = Object.entries(fields).slice(0, 3).map(([k, v]) => `${k}: ${v}`).join("; ");
    return { status: 422, body: { error: { code: "validation_failed", message: `Invalid request — ${summary}`, fields } } };
  }
  logError("unexpected error", err);
  return { status: 500, body: { error: { code: "internal", message: "Something went wrong on the server. The error was logged." } } };
}
