import type { Metadata } from "next";
import { CustomModelForm } from "@/components/models/custom-model-form";
import { ModelCard } from "@/components/models/model-card";
import { listModelInfo, type ModelInfo } from "@/lib/models/status";
import { PRICE_TABLE_INFO } from "@/lib/pricing";

export const metadata: Metadata = { title: "Models" };
export const dynamic = "force-dynamic";

const GROUPS: { kind: ModelInfo["kind"]; title: string; note: string }[] = [
  { kind: "provider", title: "Provider models", note: "Usable once the provider's key (or a hosted Portkey provider) is set on the server." },
  { kind: "custom", title: "Custom endpoints", note: "Your own OpenAI-compatible servers." },
  { kind: "demo", title: "Demo models", note: "Simulated by this app so every page works without a key. Their answers and prices are not any real model's." },
];

export default async function ModelsPage() {
  const models = await listModelInfo();
  const src = PRICE_TABLE_INFO.source;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Models</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          Every model is called through Portkey. Keys stay on the server: this page only says which environment variable a model needs.
        </p>
        <p className="mt-2 max-w-3xl text-xs text-slate-600 dark:text-slate-400" data-testid="price-table-info">
          Provider prices: <a href={src.url} className="text-blue-700 underline dark:text-blue-300" rel="noreferrer">{src.name}</a>
          {src.commit ? <> (commit <span className="font-mono">{src.commit.slice(0, 7)}</span>)</> : null}, dated {src.date}
          {src.license ? `, ${src.license} licence` : ""}. An override replaces a model&apos;s price for new calls.
        </p>
      </div>
      {GROUPS.map((g) => {
        const list = models.filter((m) => m.kind === g.kind);
        return (
          <section key={g.kind} aria-labelledby={`group-${g.kind}`} className="space-y-3">
            <div>
              <h2 id={`group-${g.kind}`} className="text-lg font-semibold">{g.title} <span className="text-sm font-normal text-slate-600 dark:text-slate-400">({list.length})</span></h2>
              <p className="text-sm text-slate-600 dark:text-slate-400">{g.note}</p>
            </div>
            {list.length ? (
              <div className="grid items-start gap-4 lg:grid-cols-2">
                {list.map((m) => <ModelCard key={m.slug} model={m} />)}
              </div>
            ) : g.kind === "custom" ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">None yet.</p>
            ) : null}
            {g.kind === "custom" ? <CustomModelForm /> : null}
          </section>
        );
      })}
    </div>
  );
}
