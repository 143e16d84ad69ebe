"use client";
import type { ModelInfo } from "@/lib/models/status";
import { perMillion } from "@/components/ui/format";

const GROUPS: { kind: ModelInfo["kind"]; title: string }[] = [
  { kind: "demo", title: "Demo models (simulated, no key needed)" },
  { kind: "provider", title: "Provider models" },
  { kind: "custom", title: "Custom endpoints" },
];

export function ModelPicker({ models, selected, onToggle }: { models: ModelInfo[]; selected: string[]; onToggle: (slug: string) => void }) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">Models</legend>
      {GROUPS.map((g) => {
        const list = models.filter((m) => m.kind === g.kind && m.slug !== "demo-judge");
        if (!list.length) return null;
        return (
          <div key={g.kind}>
            <p className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">{g.title}</p>
            <ul className="grid gap-1">
              {list.map((m) => {
                const id = `model-${m.slug}`;
                return (
                  <li key={m.slug}>
                    <label htmlFor={id} className={`flex items-start gap-2 rounded-md px-2 py-1 text-sm ${m.connection.connected ? "hover:bg-slate-100 dark:hover:bg-slate-800" : "opacity-60"}`}>
                      <input
                        id={id}
                        type="checkbox"
                        className="mt-0.5"
                        data-testid={`pick-${m.slug}`}
                        checked={selected.includes(m.slug)}
                        disabled={!m.connection.connected}
                        onChange={() => onToggle(m.slug)}
                        aria-describedby={`${id}-note`}
                      />
                      <span>
                        <span className="font-medium">{m.label}</span>
                        <span id={`${id}-note`} className="block text-xs text-slate-600 dark:text-slate-400">
                          {m.connection.connected
                            ? `${perMillion(m.price?.inputPerToken)} in / ${perMillion(m.price?.outputPerToken)} out per 1M tokens`
                            : m.connection.note}
                        </span>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </fieldset>
  );
}
