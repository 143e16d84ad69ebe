"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ModelPrice } from "@/lib/domain/types";
import { ConnectionTest } from "./connection-test";
import { PriceOverrideForm } from "./price-override-form";

// Per-model actions: a real test call, and setting or clearing the price override.

const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800";

export function ModelActions({ slug, label, price, overridden }: { slug: string; label: string; price: ModelPrice | null; overridden: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [clearing, setClearing] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  const clear = async () => {
    setClearing(true);
    setMessage(null);
    try {
      const res = await fetch(`/api/models/${encodeURIComponent(slug)}/price`, { method: "DELETE" });
      if (!res.ok) throw new Error();
      setMessage({ tone: "ok", text: "Override cleared: back to the price table." });
      router.refresh();
    } catch {
      setMessage({ tone: "error", text: "Could not clear the override. Try again." });
    }
    setClearing(false);
  };

  return (
    <div className="mt-auto space-y-2 border-t border-slate-100 pt-3 dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-2">
        <ConnectionTest slug={slug} className={button} />
        <button type="button" className={button} aria-expanded={editing} aria-controls={`price-form-${slug}`} data-testid={`override-open-${slug}`} onClick={() => { setEditing((v) => !v); setMessage(null); }}>
          {editing ? "Cancel" : overridden ? "Edit price" : "Override price"}
        </button>
        {overridden ? (
          <button type="button" className={button} disabled={clearing} data-testid={`override-clear-${slug}`} onClick={clear}>
            {clearing ? "Clearing…" : "Clear override"}
          </button>
        ) : null}
      </div>
      {editing ? (
        <PriceOverrideForm
          id={`price-form-${slug}`}
          slug={slug}
          label={label}
          price={price}
          onSaved={() => {
            setEditing(false);
            setMessage({ tone: "ok", text: "Price override saved; new runs use it." });
            router.refresh();
          }}
        />
      ) : null}
      {message ? (
        <p role="status" className={`text-xs ${message.tone === "ok" ? "text-emerald-800 dark:text-emerald-300" : "text-red-800 dark:text-red-300"}`}>{message.text}</p>
      ) : null}
    </div>
  );
}
