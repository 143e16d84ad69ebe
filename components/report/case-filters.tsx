"use client";
import type { CaseFilter } from "@/lib/report/case-types";

// The explorer's filter bar: one toggle button per filter (with its count), the candidate "lower" compares, a search box.

interface Props {
  filter: CaseFilter;
  onFilter: (f: CaseFilter) => void;
  counts: Record<CaseFilter, number> | null;
  judged: boolean;
  lowerLabel: string;
  candidates: { slug: string; label: string }[];
  target: string | null;
  onTarget: (slug: string) => void;
  search: string;
  onSearch: (q: string) => void;
}

export function CaseFilters({ filter, onFilter, counts, judged, lowerLabel, candidates, target, onTarget, search, onSearch }: Props) {
  const options: { key: CaseFilter; label: string; show: boolean }[] = [
    { key: "all", label: "All", show: true },
    { key: "lower", label: lowerLabel, show: judged && candidates.length > 0 },
    { key: "refusals", label: "Refusals", show: true },
    { key: "errors", label: "Errors", show: true },
    { key: "judge_errors", label: "Judge errors", show: judged },
  ];
  return (
    <div className="space-y-3">
      <div role="group" aria-label="Filter cases" className="flex flex-wrap gap-2">
        {options
          .filter((o) => o.show)
          .map((o) => {
            const on = filter === o.key;
            return (
              <button
                key={o.key}
                type="button"
                aria-pressed={on}
                data-testid={`filter-${o.key}`}
                onClick={() => onFilter(o.key)}
                className={`rounded-full border px-3 py-1 text-sm ${on ? "border-blue-600 bg-blue-600 text-white dark:border-blue-500 dark:bg-blue-600" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"}`}
              >
                {o.label}
                {counts ? <span className={`ml-1.5 tabular-nums ${on ? "text-blue-100" : "text-slate-500 dark:text-slate-400"}`}>{counts[o.key].toLocaleString("en-US")}</span> : null}
              </button>
            );
          })}
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 sm:max-w-sm">
          <label htmlFor="case-search" className="text-sm font-medium">Search prompts and answers</label>
          <input
            id="case-search"
            type="search"
            data-testid="case-search"
            value={search}
            onChange={(e) => onSearch(e.target.value)}
            maxLength={200}
            placeholder="e.g. refund policy"
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950"
          />
        </div>
        {filter === "lower" && candidates.length > 1 ? (
          <div>
            <label htmlFor="lower-model" className="text-sm font-medium">Candidate compared with the baseline</label>
            <select
              id="lower-model"
              value={target ?? ""}
              onChange={(e) => onTarget(e.target.value)}
              className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950"
            >
              {candidates.map((c) => (
                <option key={c.slug} value={c.slug}>{c.label}</option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
    </div>
  );
}
