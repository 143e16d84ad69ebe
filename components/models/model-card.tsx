import type { ModelInfo } from "@/lib/models/status";
import { ModelActions } from "./model-actions";
import { perMillionText } from "./price-format";

// One model: what it is, what it costs (and where that price comes from), whether it can be called.

const KIND: Record<ModelInfo["kind"], { label: string; style: string }> = {
  demo: { label: "demo · simulated", style: "bg-violet-100 text-violet-900 dark:bg-violet-900/40 dark:text-violet-200" },
  provider: { label: "provider", style: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200" },
  custom: { label: "custom endpoint", style: "bg-teal-100 text-teal-900 dark:bg-teal-900/40 dark:text-teal-200" },
};

export function ModelCard({ model }: { model: ModelInfo }) {
  const { price, connection } = model;
  const kind = KIND[model.kind];
  return (
    <article data-testid={`model-${model.slug}`} aria-labelledby={`model-${model.slug}-title`} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={`model-${model.slug}-title`} className="font-semibold">{model.label}</h3>
          <p className="break-all text-xs text-slate-600 dark:text-slate-400">
            <span className="font-mono">{model.slug}</span> · {model.provider} · upstream <span className="font-mono">{model.upstreamModel}</span>
          </p>
          {model.customHost ? <p className="break-all text-xs text-slate-600 dark:text-slate-400">endpoint <span className="font-mono">{model.customHost}</span></p> : null}
        </div>
        <div className="flex flex-wrap gap-1">
          <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${kind.style}`}>{kind.label}</span>
          {model.priceOverridden ? <span data-testid={`override-badge-${model.slug}`} className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">price override</span> : null}
        </div>
      </header>

      <div>
        <dl className="grid grid-cols-3 gap-2 text-sm" data-testid={`price-${model.slug}`}>
          <Price label="Input / 1M" value={perMillionText(price?.inputPerToken)} />
          <Price label="Output / 1M" value={perMillionText(price?.outputPerToken)} />
          <Price label="Cached in / 1M" value={price ? (price.cachedInputPerToken === null ? "as input" : perMillionText(price.cachedInputPerToken)) : "—"} />
        </dl>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400" data-testid={`price-source-${model.slug}`}>
          {price === null ? (
            <span className="text-amber-800 dark:text-amber-300">Price unknown — its costs show as unknown (never $0) until you set an override.</span>
          ) : model.priceOverridden ? (
            <>Source: <strong className="font-medium text-slate-800 dark:text-slate-200">override</strong>{price.date ? ` · set ${price.date}` : ""}</>
          ) : (
            <>Source: {price.source} · {price.date}</>
          )}
        </p>
      </div>

      <p className="flex items-start gap-2 text-sm" data-testid={`connection-${model.slug}`} data-connected={connection.connected}>
        <span aria-hidden className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${connection.connected ? "bg-emerald-500" : "bg-amber-500"}`} />
        <span>
          <span className="font-medium">{connection.connected ? "Connected" : "Not connected"}</span>
          <span className="text-slate-600 dark:text-slate-400"> — {connection.note}{connection.via === "hosted-portkey" ? " (hosted Portkey)" : ""}</span>
        </span>
      </p>

      <ModelActions slug={model.slug} label={model.label} price={price} overridden={model.priceOverridden} />
    </article>
  );
}

function Price({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
