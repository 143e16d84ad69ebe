// JSON calls to the import API, answering data or the API's error ({message, fields}) — never throwing on a 4xx.
import type { ApiError } from "./types";

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError; status: number };

const UNREACHABLE: ApiError = { message: "Could not reach the server. Check that the app is running and try again.", fields: {} };

export function errorOf(json: unknown, status: number, what: string): ApiError {
  const e = (json as { error?: { message?: unknown; fields?: unknown } } | null)?.error;
  return {
    message: typeof e?.message === "string" ? e.message : `${what} failed (HTTP ${status}).`,
    fields: e?.fields && typeof e.fields === "object" ? (e.fields as Record<string, string>) : {},
  };
}

export async function postJson<T>(url: string, body: unknown, what: string, signal?: AbortSignal): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    return { ok: false, error: UNREACHABLE, status: 0 };
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok || json === null) return { ok: false, error: errorOf(json, res.status, what), status: res.status };
  return { ok: true, data: json as T };
}

export const unreachable = UNREACHABLE;
