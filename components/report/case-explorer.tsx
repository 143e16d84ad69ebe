"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import type { CaseFilter } from "@/lib/report/case-types";
import type { ModelLabel } from "@/lib/report/report-types";
import { CaseCard } from "./case-card";
import { CaseFilters } from "./case-filters";
import { useCases } from "./use-cases";

// The per-case explorer: filters and search run on the server, one page of cases at a time (the page HTML carries none
// of them), so a run of 1,000 cases x 7 models stays light in the browser.

const PAGE_SIZE = 20;

interface Props {
  endpoint: string;
  labels: ModelLabel[];
  baseline: string;
  candidates: string[];
  recommended: string | null;
  judged: boolean;
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

export function CaseExplorer({ endpoint, labels, baseline, candidates, recommended, judged }: Props) {
  const [filter, setFilter] = useState<CaseFilter>("all");
  const [model, setModel] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), 300);
  // The page offset belongs to one filter + search: changing either starts again at the first page.
  const queryKey = `${filter}|${model ?? ""}|${q}`;
  const [page, setPage] = useState({ key: queryKey, offset: 0 });
  const offset = page.key === queryKey ? page.offset : 0;
  const top = useRef<HTMLElement>(null);
  const labelMap = useMemo(() => new Map(labels.map((l) => [l.slug, l])), [labels]);
  const labelOf = (slug: string) => labelMap.get(slug)?.label ?? slug;

  const { data, error, isPending, isFetching, refetch } = useCases(endpoint, { filter, q, model, offset, limit: PAGE_SIZE });

  const target = data?.target ?? (recommended && recommended !== baseline ? recommended : (candidates[0] ?? null));
  const lowerLabel = target && target === recommended && recommended !== baseline ? "Recommended model scored lower than baseline" : `${target ? labelOf(target) : "Candidate"} scored lower than baseline`;
  const total = data?.total ?? 0;
  const go = (next: number) => {
    setPage({ key: queryKey, offset: next });
    top.current?.scrollIntoView({ block: "start", behavior: "smooth" });
  };

  return (
    <section ref={top} aria-labelledby="explorer-title" data-testid="case-explorer" className="scroll-mt-4 space-y-4 rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:p-4 dark:border-slate-800 dark:bg-slate-900">
      <div>
        <h2 id="explorer-title" className="text-lg font-semibold">Cases</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Each prompt with every model&apos;s answer side by side, baseline first{judged ? ", with the judge’s scores and rationale" : ""}.
        </p>
      </div>
      <CaseFilters
        filter={filter}
        onFilter={setFilter}
        counts={data?.counts ?? null}
        judged={judged}
        lowerLabel={lowerLabel}
        candidates={candidates.map((c) => ({ slug: c, label: labelOf(c) }))}
        target={target}
        onTarget={setModel}
        search={search}
        onSearch={setSearch}
      />
      <div aria-live="polite" className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600 dark:text-slate-400">
        <p data-testid="case-count">
          {isPending ? "Loading cases…" : total === 0 ? "No cases" : `Showing ${offset + 1}–${Math.min(offset + PAGE_SIZE, total)} of ${total.toLocaleString("en-US")} case${total === 1 ? "" : "s"}`}
          {isFetching && !isPending ? " · updating…" : ""}
        </p>
        <Pager offset={offset} total={total} onGo={go} />
      </div>
      {error ? (
        <div role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-200">
          {error.message}{" "}
          <button type="button" onClick={() => void refetch()} className="underline">Try again</button>
        </div>
      ) : isPending ? (
        <ul className="space-y-3" aria-hidden>
          {[0, 1].map((i) => <li key={i} className="h-48 animate-pulse rounded-xl bg-slate-100 dark:bg-slate-800" />)}
        </ul>
      ) : data && data.cases.length === 0 ? (
        <p data-testid="cases-empty" className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          {filter === "all" && !q ? "No cases in this experiment yet." : "No cases match this filter."}
        </p>
      ) : (
        <ul data-testid="case-list" className={`space-y-4 transition-opacity ${isFetching ? "opacity-70" : ""}`}>
          {data?.cases.map((c) => <CaseCard key={c.idx} c={c} labels={labelMap} baseline={baseline} recommended={recommended !== baseline ? recommended : null} judged={judged} />)}
        </ul>
      )}
      {total > PAGE_SIZE ? (
        <div className="flex justify-end">
          <Pager offset={offset} total={total} onGo={go} />
        </div>
      ) : null}
    </section>
  );
}

function Pager({ offset, total, onGo }: { offset: number; total: number; onGo: (offset: number) => void }) {
  if (total <= PAGE_SIZE) return null;
  const btn = "rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800";
  return (
    <nav aria-label="Case pages" className="flex items-center gap-2">
      <button type="button" className={btn} disabled={offset === 0} onClick={() => onGo(Math.max(0, offset - PAGE_SIZE))} data-testid="cases-prev">
        Previous
      </button>
      <span className="tabular-nums">
        page {Math.floor(offset / PAGE_SIZE) + 1} of {Math.ceil(total / PAGE_SIZE)}
      </span>
      <button type="button" className={btn} disabled={offset + PAGE_SIZE >= total} onClick={() => onGo(offset + PAGE_SIZE)} data-testid="cases-next">
        Next
      </button>
    </nav>
  );
}
