import type { CreatedShareLinkView, CreateShareLinkInput, ShareLinkView } from "./schema";

// Browser-side calls to the share API and the TanStack Query keys for them. No server imports.

export const shareKeys = {
  all: ["share-links"] as const,
  list: (experimentId: string) => [...shareKeys.all, "list", experimentId] as const,
};

/** An API error as the panel shows it: the server's message plus per-field messages when there are any. */
export class ShareApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "ShareApiError";
  }
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { cache: "no-store", ...init });
  } catch {
    throw new ShareApiError("Could not reach the server. Check your connection and try again.", 0);
  }
  const body = (await res.json().catch(() => null)) as (T & { error?: { message?: string; fields?: Record<string, string> } }) | null;
  if (!res.ok || !body) {
    throw new ShareApiError(body?.error?.message ?? `The server answered ${res.status}.`, res.status, body?.error?.fields);
  }
  return body;
}

const base = (experimentId: string) => `/api/experiments/${encodeURIComponent(experimentId)}/share`;

export async function fetchShareLinks(experimentId: string): Promise<ShareLinkView[]> {
  return (await call<{ links: ShareLinkView[] }>(base(experimentId))).links;
}

export async function postShareLink(experimentId: string, input: CreateShareLinkInput): Promise<CreatedShareLinkView> {
  const init = { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) };
  return (await call<{ link: CreatedShareLinkView }>(base(experimentId), init)).link;
}

export async function deleteShareLink(experimentId: string, linkId: string): Promise<void> {
  await call<{ revoked: boolean }>(`${base(experimentId)}/${encodeURIComponent(linkId)}`, { method: "DELETE" });
}
