import Link from "next/link";
import { Suspense } from "react";
import { ExperimentFilters } from "@/components/experiments/experiment-filters";
import { ExperimentsTable, ExperimentsTableSkeleton } from "@/components/experiments/experiments-table";
import { isStatus } from "@/components/experiments/list-format";

export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export default async function ExperimentsPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const q = (one(sp.q) ?? "").trim().slice(0, 200);
  const rawStatus = one(sp.status);
  const status = isStatus(rawStatus) ? rawStatus : "";
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Experiments</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">Every comparison you ran, with the model it recommends and what switching would change.</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/compare" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800">
            Quick compare
          </Link>
          <Link href="/experiments/import" data-testid="import-log" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800">
            Replay a log
          </Link>
          <Link href="/experiments/new" data-testid="new-experiment" className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700">
            New experiment
          </Link>
        </div>
      </div>
      <Suspense key={`${q}|${status}`} fallback={<ExperimentsTableSkeleton />}>
        <ExperimentsTable q={q} status={status} filters={<ExperimentFilters key={`${q}|${status}`} q={q} status={status} />} />
      </Suspense>
    </div>
  );
}
