"use client";
import { useRef, type ChangeEvent } from "react";
import type { PasteResult } from "@/lib/experiments/paste";
import { FieldError, inputClass, sectionClass } from "./field-error";

// The cases: pasted prompts (one per line) or JSONL ({"prompt"} / {"messages"}, optionally "response" and
// "reference"), an optional system prompt, and what was detected in them as the user types.

const EXAMPLES = [
  "Summarise our refund policy for a customer in two sentences.",
  "Write a friendly reply to a customer whose parcel arrived damaged.",
  "Explain the difference between a savings and a checking account.",
  "Translate 'Your order has shipped' into French, German and Spanish.",
  "List three tips for writing a clear bug report.",
];

const MAX_FILE_BYTES = 20 * 1024 * 1024;

export function CasesField(props: {
  text: string;
  onText: (v: string) => void;
  system: string;
  onSystem: (v: string) => void;
  parsed: PasteResult | null;
  serverError: string | undefined;
  systemError: string | undefined;
}) {
  const { text, onText, system, onSystem, parsed, serverError, systemError } = props;
  const file = useRef<HTMLInputElement>(null);
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = "";
    if (!f) return;
    if (f.size > MAX_FILE_BYTES) {
      window.alert("That file is larger than 20 MB.");
      return;
    }
    onText(await f.text());
  };
  const badLines = parsed && !parsed.ok ? parsed.errors : [];
  const invalid = Boolean(serverError) || badLines.length > 0;

  return (
    <section aria-labelledby="cases-title" className={sectionClass}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="cases-title" className="font-semibold">1. Prompts</h2>
        <div className="flex gap-3 text-sm">
          <button type="button" onClick={() => onText(EXAMPLES.join("\n"))} className="text-blue-700 underline dark:text-blue-300">Use 5 example prompts</button>
          <button type="button" onClick={() => file.current?.click()} className="text-blue-700 underline dark:text-blue-300">Load a file…</button>
          <input ref={file} type="file" accept=".txt,.jsonl,.json,.ndjson,text/plain" className="sr-only" tabIndex={-1} aria-hidden onChange={onFile} />
        </div>
      </div>
      <div>
        <label htmlFor="cases-text" className="text-sm font-medium">Paste prompts: one per line, or JSONL</label>
        <textarea
          id="cases-text"
          data-testid="cases-text"
          rows={9}
          value={text}
          onChange={(e) => onText(e.target.value)}
          spellCheck={false}
          aria-invalid={invalid}
          aria-describedby="cases-help cases-detected error-cases-text"
          placeholder={'How do I reset my password?\nWhat is your refund policy?\n\nor JSONL:\n{"prompt": "How do I reset my password?"}\n{"messages": [{"role": "user", "content": "…"}], "response": "what production answered"}'}
          className={`mt-1 font-mono text-[13px] ${inputClass}`}
        />
        <p id="cases-help" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          JSONL lines take <code>prompt</code> or <code>messages</code>; a <code>response</code> is your production answer and counts as the
          baseline&apos;s (not called again). Up to 20,000 cases.
        </p>
        <FieldError id="cases-text" message={serverError} />
        <Detected parsed={parsed} />
      </div>
      <div>
        <label htmlFor="system" className="text-sm font-medium">System prompt <span className="font-normal text-slate-600 dark:text-slate-400">(optional, sent before every plain prompt)</span></label>
        <textarea id="system" rows={2} value={system} onChange={(e) => onSystem(e.target.value)} aria-invalid={Boolean(systemError)} aria-describedby="error-system" className={`mt-1 ${inputClass}`} />
        <FieldError id="system" message={systemError} />
      </div>
    </section>
  );
}

function Detected({ parsed }: { parsed: PasteResult | null }) {
  if (!parsed) return <p id="cases-detected" className="mt-2 text-sm text-slate-600 dark:text-slate-400">No prompts yet.</p>;
  if (!parsed.ok) {
    const shown = parsed.errors.slice(0, 8);
    return (
      <div id="cases-detected" role="alert" data-testid="bad-lines" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-200">
        <p className="font-medium">{parsed.errors.length} bad JSONL line{parsed.errors.length === 1 ? "" : "s"} — fix {parsed.errors.length === 1 ? "it" : "them"} to continue:</p>
        <ul className="mt-1 list-disc pl-5">
          {shown.map((e) => <li key={e.line}>Line {e.line}: {e.reason}</li>)}
        </ul>
        {parsed.errors.length > shown.length ? <p className="mt-1">…and {parsed.errors.length - shown.length} more.</p> : null}
      </div>
    );
  }
  const recorded = parsed.cases.filter((c) => c.response !== undefined).length;
  return (
    <p id="cases-detected" className="mt-2 text-sm" aria-live="polite">
      <strong data-testid="cases-detected">{parsed.cases.length.toLocaleString("en-US")}</strong> case{parsed.cases.length === 1 ? "" : "s"} detected
      <span className="text-slate-600 dark:text-slate-400">
        {" "}· {parsed.format === "jsonl" ? "JSONL" : "one prompt per line"}
        {recorded ? ` · ${recorded.toLocaleString("en-US")} with a recorded production answer` : ""}
      </span>
    </p>
  );
}
