"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { deleteShareLink, fetchShareLinks, postShareLink, shareKeys, ShareApiError } from "@/lib/share/client";
import { MAX_SHARE_LABEL_CHARS, type CreatedShareLinkView, type ShareLinkView } from "@/lib/share/schema";

// Share links of one experiment: create a read-only link (its URL is shown once), list them, revoke.

const EXPIRY_OPTIONS = [
  { value: "never", label: "Never", days: null },
  { value: "1", label: "1 day", days: 1 },
  { value: "7", label: "7 days", days: 7 },
  { value: "30", label: "30 days", days: 30 },
] as const;
type ExpiryValue = (typeof EXPIRY_OPTIONS)[number]["value"];

const BADGE: Record<ShareLinkView["state"], string> = {
  active: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200",
  expired: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200",
  revoked: "bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200",
};

const FIELD = "rounded-md border border-slate-300 bg-white p-1.5 text-sm dark:border-slate-700 dark:bg-slate-950";
const INPUT = `mt-1 w-full ${FIELD}`;
const BUTTON = "rounded-md px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50";
const SECONDARY = `${BUTTON} border border-slate-300 bg-white hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800`;

const dateFmt = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));

function whenText(link: ShareLinkView): string {
  if (link.state === "revoked" && link.revokedAt) return `Revoked ${dateFmt(link.revokedAt)}`;
  if (!link.expiresAt) return "Never expires";
  return `${link.state === "expired" ? "Expired" : "Expires"} ${dateFmt(link.expiresAt)}`;
}

export function SharePanel({ experimentId }: { experimentId: string }) {
  const qc = useQueryClient();
  const ids = useId();
  const listKey = shareKeys.list(experimentId);
  const links = useQuery({ queryKey: listKey, queryFn: () => fetchShareLinks(experimentId) });
  const [label, setLabel] = useState("");
  const [expiry, setExpiry] = useState<ExpiryValue>("never");
  const [created, setCreated] = useState<(CreatedShareLinkView & { fullUrl: string }) | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const listHeading = useRef<HTMLHeadingElement>(null);

  const create = useMutation({
    mutationFn: () => postShareLink(experimentId, { label: label.trim() || null, expiresInDays: EXPIRY_OPTIONS.find((o) => o.value === expiry)?.days ?? null }),
    onSuccess: (link) => {
      setCreated({ ...link, fullUrl: new URL(link.url, window.location.origin).toString() });
      setLabel("");
      setAnnouncement("Share link created. Copy it now: it is shown only once.");
      void qc.invalidateQueries({ queryKey: listKey });
    },
  });
  const revoke = useMutation({
    mutationFn: (linkId: string) => deleteShareLink(experimentId, linkId),
    onSuccess: (_r, linkId) => {
      setConfirming(null);
      if (created?.id === linkId) setCreated(null);
      setAnnouncement("Link revoked. It no longer opens the report.");
      listHeading.current?.focus();
      void qc.invalidateQueries({ queryKey: listKey });
    },
  });

  const fieldErr = (name: string) => (create.error instanceof ShareApiError ? create.error.fields?.[name] : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!create.isPending) create.mutate();
  };

  return (
    <section aria-labelledby={`${ids}-title`} data-testid="share-panel" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div>
        <h2 id={`${ids}-title`} className="text-base font-semibold">Share a read-only report</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">Anyone with the link can view the recommendation and the evidence, nothing else. Revoke a link at any time.</p>
      </div>

      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_10rem_auto] sm:items-end" aria-label="Create a share link">
        <div>
          <label htmlFor={`${ids}-label`} className="text-sm font-medium">Label <span className="font-normal text-slate-600 dark:text-slate-400">(optional)</span></label>
          <input id={`${ids}-label`} data-testid="share-label" value={label} maxLength={MAX_SHARE_LABEL_CHARS} onChange={(e) => setLabel(e.target.value)} placeholder="e.g. For the pricing review" aria-invalid={Boolean(fieldErr("label"))} aria-describedby={fieldErr("label") ? `${ids}-label-err` : undefined} className={INPUT} />
          {fieldErr("label") ? <p id={`${ids}-label-err`} className="text-xs text-red-800 dark:text-red-300">{fieldErr("label")}</p> : null}
        </div>
        <div>
          <label htmlFor={`${ids}-expiry`} className="text-sm font-medium">Expires after</label>
          <select id={`${ids}-expiry`} data-testid="share-expiry" value={expiry} onChange={(e) => setExpiry(e.target.value as ExpiryValue)} aria-invalid={Boolean(fieldErr("expiresInDays"))} className={INPUT}>
            {EXPIRY_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </div>
        <button type="submit" data-testid="share-create" disabled={create.isPending} className={`${BUTTON} bg-blue-600 text-white hover:bg-blue-700`}>
          {create.isPending ? "Creating…" : "Create link"}
        </button>
        {create.error && !(create.error instanceof ShareApiError && create.error.fields) ? (
          <p role="alert" className="text-sm text-red-800 sm:col-span-3 dark:text-red-300">{create.error.message}</p>
        ) : null}
      </form>

      {created ? <CreatedLink link={created} onDone={() => { setCreated(null); listHeading.current?.focus(); }} announce={setAnnouncement} /> : null}

      <div>
        <h3 ref={listHeading} tabIndex={-1} className="text-sm font-medium">Links</h3>
        {links.isPending ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400" data-testid="share-loading">Loading links…</p>
        ) : links.isError ? (
          <p role="alert" className="mt-2 text-sm text-red-800 dark:text-red-300">
            Could not load the links: {links.error.message}{" "}
            <button type="button" onClick={() => void links.refetch()} className="underline">Try again</button>
          </p>
        ) : links.data.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400" data-testid="share-empty">No share links yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200 dark:divide-slate-800" data-testid="share-list">
            {links.data.map((l) => (
              <li key={l.id} data-testid="share-link-row" data-link-id={l.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <div className="min-w-0">
                  <p className={`truncate text-sm font-medium ${l.state === "active" ? "" : "text-slate-600 dark:text-slate-400"}`}>{l.label ?? "Untitled link"}</p>
                  <p className="text-xs text-slate-600 dark:text-slate-400">Created {dateFmt(l.createdAt)} · {whenText(l)}</p>
                </div>
                <div className="flex items-center gap-2">
                  <span data-testid="share-state" className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${BADGE[l.state]}`}>{l.state}</span>
                  {l.state !== "active" ? null : confirming === l.id ? (
                    <span role="group" aria-label={`Confirm revoking ${l.label ?? "this link"}`} className="flex items-center gap-2">
                      <span className="text-xs">Revoke? Anyone using it loses access.</span>
                      <button type="button" data-testid="share-revoke-confirm" disabled={revoke.isPending} onClick={() => revoke.mutate(l.id)} className={`${BUTTON} bg-red-700 text-white hover:bg-red-800`}>
                        {revoke.isPending ? "Revoking…" : "Revoke link"}
                      </button>
                      <button type="button" autoFocus onClick={() => setConfirming(null)} className={SECONDARY}>Cancel</button>
                    </span>
                  ) : (
                    <button type="button" data-testid="share-revoke" onClick={() => { revoke.reset(); setConfirming(l.id); }} className={SECONDARY} aria-label={`Revoke ${l.label ?? "untitled link"}`}>Revoke</button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        {revoke.error ? <p role="alert" className="mt-2 text-sm text-red-800 dark:text-red-300">Could not revoke the link: {revoke.error.message}</p> : null}
      </div>

      <p aria-live="polite" role="status" className="sr-only" data-testid="share-status">{announcement}</p>
    </section>
  );
}

function CreatedLink({ link, onDone, announce }: { link: CreatedShareLinkView & { fullUrl: string }; onDone: () => void; announce: (msg: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const ids = useId();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [link.id]);

  useEffect(() => {
    if (copy !== "copied") return;
    const t = setTimeout(() => setCopy("idle"), 2500);
    return () => clearTimeout(t);
  }, [copy]);

  const doCopy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(link.fullUrl);
      setCopy("copied");
      announce("Link copied to the clipboard.");
    } catch {
      input.current?.focus();
      input.current?.select();
      setCopy("failed");
      announce("Could not copy automatically. The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.");
    }
  };

  return (
    <div data-testid="share-new-link" className="rounded-lg border border-blue-200 bg-blue-50 p-3 dark:border-blue-900 dark:bg-blue-950/40">
      <label htmlFor={`${ids}-url`} className="text-sm font-medium">
        {link.label ? `New link “${link.label}”` : "New link"} — copy it now, it will not be shown again
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input id={`${ids}-url`} ref={input} readOnly value={link.fullUrl} data-testid="share-url" onFocus={(e) => e.currentTarget.select()} className={`${FIELD} min-w-0 flex-1 font-mono text-xs`} />
        <button type="button" data-testid="share-copy" onClick={() => void doCopy()} className={`${BUTTON} bg-blue-600 text-white hover:bg-blue-700`}>
          {copy === "copied" ? "Copied" : "Copy"}
        </button>
        <button type="button" onClick={onDone} className={SECONDARY}>Done</button>
      </div>
      {copy === "failed" ? <p className="mt-1 text-xs text-amber-800 dark:text-amber-300">Copying is not available here: the link is selected, press Ctrl+C (⌘C on a Mac).</p> : null}
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{link.expiresAt ? `Expires ${dateFmt(link.expiresAt)}.` : "Never expires."} Only a fingerprint of it is stored, so it cannot be recovered later.</p>
    </div>
  );
}
