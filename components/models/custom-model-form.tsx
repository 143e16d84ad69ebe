"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

// Add an OpenAI-compatible endpoint (Ollama, vLLM, llama.cpp, LM Studio…) via POST /api/models. The key itself never
// passes through here: only the NAME of the server environment variable that holds it.

const FIELDS = [
  { key: "label", label: "Label", placeholder: "Llama 3 (Ollama)", help: "Shown in pickers and reports.", required: true },
  { key: "slug", label: "Slug", placeholder: "llama3-local", help: "Lowercase id: letters, digits, '.', '_' and '-'.", required: true },
  { key: "baseUrl", label: "Base URL", placeholder: "http://localhost:11434/v1", help: "The server's OpenAI-compatible base, ending in /v1. Hosts other than localhost must be listed in TRUSTED_CUSTOM_HOSTS.", required: true },
  { key: "upstreamModel", label: "Upstream model", placeholder: "llama3", help: "The model name the server expects in requests.", required: true },
  { key: "keyEnv", label: "Key variable (optional)", placeholder: "VLLM_API_KEY", help: "The NAME of a server environment variable holding the key — never the key itself. Leave empty if the server needs no key.", required: false },
] as const;

type Key = (typeof FIELDS)[number]["key"];
const EMPTY: Record<Key, string> = { label: "", slug: "", baseUrl: "", upstreamModel: "", keyEnv: "" };

const input = "mt-1 w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm aria-[invalid=true]:border-red-600 dark:border-slate-700 dark:bg-slate-950 dark:aria-[invalid=true]:border-red-400";

export function CustomModelForm() {
  const router = useRouter();
  const [values, setValues] = useState<Record<Key, string>>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setErrors({});
    setAdded(null);
    const body = { ...values, keyEnv: values.keyEnv.trim() || null };
    try {
      const res = await fetch("/api/models", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const json = (await res.json().catch(() => null)) as { model?: { label: string }; error?: { message?: string; fields?: Record<string, string> } } | null;
      if (res.ok) {
        setAdded(json?.model?.label ?? values.label);
        setValues(EMPTY);
        router.refresh();
      } else {
        setErrors(json?.error?.fields && Object.keys(json.error.fields).length ? json.error.fields : { "(body)": json?.error?.message ?? `Could not add the model (HTTP ${res.status}).` });
      }
    } catch {
      setErrors({ "(body)": "Could not reach the server." });
    }
    setSaving(false);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="custom-title" data-testid="custom-model-form" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div>
        <h3 id="custom-title" className="font-semibold">Add a custom OpenAI-compatible endpoint</h3>
        <p className="text-xs text-slate-600 dark:text-slate-400">Called through the Portkey gateway like any other model. Set its price afterwards, or its cost stays unknown.</p>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        {FIELDS.map((f) => {
          const id = `custom-${f.key}`;
          const error = errors[f.key];
          return (
            <div key={f.key} className={f.key === "baseUrl" ? "sm:col-span-2" : ""}>
              <label htmlFor={id} className="text-sm font-medium">{f.label}</label>
              <input
                id={id}
                name={f.key}
                data-testid={id}
                value={values[f.key]}
                onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
                placeholder={f.placeholder}
                required={f.required}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={Boolean(error)}
                aria-describedby={`${id}-help${error ? ` ${id}-error` : ""}`}
                className={input}
              />
              <p id={`${id}-help`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">{f.help}</p>
              {error ? <p id={`${id}-error`} role="alert" className="mt-0.5 text-xs font-medium text-red-800 dark:text-red-300">{error}</p> : null}
            </div>
          );
        })}
      </div>
      {errors["(body)"] ? <p role="alert" className="text-sm text-red-800 dark:text-red-300">{errors["(body)"]}</p> : null}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={saving} data-testid="custom-submit" className="rounded-md bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-50">
          {saving ? "Adding…" : "Add endpoint"}
        </button>
        {added ? <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">Added {added}. Test its connection below.</p> : null}
      </div>
    </form>
  );
}
