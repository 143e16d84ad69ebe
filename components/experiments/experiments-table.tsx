import Link from "next/link";
import type { ReactNode } from "react";
import { listExperiments } from "@/lib/db/experiments";
import { listModels } from "@/lib/db/models";
import { ExperimentsEmpty } from "./experiments-empty";
import { formatCreated, readRecommendation, signedPercent } from "./list-format";
import { StatusBadge } from "./status-badge";

// The experiments list (server component). One <table>; below md each row becomes a card whose cells carry their
// column name, so the phone view needs no second markup.

const LIMIT = 100;

const th = "whitespace-nowrap px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400";
const td =
  "flex items-baseline justify-between gap-4 px-3 py-1 text-sm before:text-xs before:font-medium before:text-slate-600 before:content-[attr(data-label)] md:table-cell md:py-2.5 md:before:content-none dark:before:text-slate-400";

/** `filters` is shown above the list, and left out while there is no experiment at all to filter. */
export async function ExperimentsTable({ q, status, filters }: { q: string; status: string; filters: ReactNode }) {
  const [rows, models] = await Promise.all([listExperiments({ query: q || undefined, status: status || undefined, take: LIMIT }), listModels()]);
  const labels = new Map(models.map((m) => [m.slug, m.label]));
  const label = (slug: string) => labels.get(slug) ?? slug;

  const filtered = Boolean(q || status);
  if (rows.length === 0) {
    return (
      <div className="space-y-4">
        {filtered ? filters : null}
        <ExperimentsEmpty filtered={filtered} />
      </div>
    );
  }

  return (
    <div className="space-y-4">
      {filters}
      <table data-testid="experiments-table" className="block w-full md:table md:rounded-xl md:border md:border-slate-200 md:bg-white md:shadow-sm dark:md:border-slate-800 dark:md:bg-slate-900">
        <caption className="sr-only">Experiments, newest first</caption>
        <thead className="sr-only md:not-sr-only md:table-header-group">
          <tr>
            <th scope="col" className={th}>Name</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>Baseline</th>
            <th scope="col" className={th}>Recommended</th>
            <th scope="col" className={`${th} md:text-right`}>Cost change</th>
            <th scope="col" className={`${th} md:text-right`}>Quality change <span className="block font-normal normal-case">(95% CI)</span></th>
            <th scope="col" className={`${th} md:text-right`}>Cases</th>
            <th scope="col" className={th}>Created</th>
          </tr>
        </thead>
        <tbody className="block space-y-3 md:table-row-group md:space-y-0">
          {rows.map((e) => {
            const rec = readRecommendation(e.recommendation);
            const switching = rec !== null && rec.recommended_model !== rec.baseline_model;
            return (
              <tr key={e.id} data-testid="experiment-row" className="block rounded-xl border border-slate-200 bg-white py-2 shadow-sm md:table-row md:*:border-t md:*:border-slate-200 dark:md:*:border-slate-800 md:rounded-none md:border-0 md:bg-transparent md:py-0 md:shadow-none dark:border-slate-800 dark:bg-slate-900 md:dark:bg-transparent">
                <td className="block px-3 pb-1 pt-1 text-sm md:table-cell md:max-w-xs md:py-2.5">
                  <Link href={`/experiments/${e.id}`} className="font-medium break-words text-blue-700 hover:underline dark:text-blue-300" data-testid="experiment-link">
                    {e.name}
                  </Link>
                </td>
                <td data-label="Status" className={td}><StatusBadge status={e.status} /></td>
                <td data-label="Baseline" className={td}><span title={e.baselineSlug}>{label(e.baselineSlug)}</span></td>
                <td data-label="Recommended" className={td} data-testid="recommended">
                  {rec === null ? (
                    <span className="text-slate-500 dark:text-slate-400">{e.status === "running" || e.status === "queued" ? "pending" : "—"}</span>
                  ) : switching ? (
                    <span className="font-medium" title={rec.recommended_model}>{label(rec.recommended_model)}</span>
                  ) : (
                    <span className="text-slate-600 dark:text-slate-400">Keep baseline</span>
                  )}
                </td>
                <td data-label="Cost change" className={`${td} tabular-nums md:text-right`} data-testid="cost-change">
                  {switching ? (
                    <span className={rec.cost_reduction_percent > 0 ? "font-medium text-emerald-800 dark:text-emerald-300" : ""}>{signedPercent(-rec.cost_reduction_percent)}</span>
                  ) : (
                    <span className="text-slate-500 dark:text-slate-400">—</span>
                  )}
                </td>
                <td data-label="Quality change" className={`${td} tabular-nums md:text-right`} data-testid="quality-change">
                  {switching ? (
                    <span className="md:block">
                      {signedPercent(rec.quality_impact_percent)}
                      {rec.quality_impact_ci ? (
                        <span className="ml-1 text-xs text-slate-600 md:ml-0 md:block dark:text-slate-400">
                          <span className="md:sr-only">95% CI </span>
                          {signedPercent(rec.quality_impact_ci[0])} to {signedPercent(rec.quality_impact_ci[1])}
                        </span>
                      ) : null}
                    </span>
                  ) : (
                    <span className="text-slate-500 dark:text-slate-400">—</span>
                  )}
                </td>
                <td data-label="Cases" className={`${td} tabular-nums md:text-right`}>{e._count.cases.toLocaleString("en-US")}</td>
                <td data-label="Created" className={`${td} whitespace-nowrap text-slate-600 dark:text-slate-400`}>
                  <time dateTime={e.createdAt.toISOString()}>{formatCreated(e.createdAt)}</time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === LIMIT ? <p className="text-xs text-slate-600 dark:text-slate-400">Showing the {LIMIT} newest; search by name to find older ones.</p> : null}
    </div>
  );
}

export function ExperimentsTableSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading experiments" className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className="h-6 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />
      ))}
    </div>
  );
}
