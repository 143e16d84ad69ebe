"use client";
import Form from "next/form";
import Link from "next/link";
import { STATUSES } from "./list-format";

// Search and status filter as URL params (?q=, ?status=): the list is filtered on the server, and links keep the view.

const control = "h-9 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950";

export function ExperimentFilters({ q, status }: { q: string; status: string }) {
  return (
    <Form action="/" role="search" aria-label="Filter experiments" className="flex flex-wrap items-end gap-3">
      <div className="min-w-0 flex-1 basis-56">
        <label htmlFor="exp-q" className="block text-xs font-medium text-slate-700 dark:text-slate-300">Search by name</label>
        <input id="exp-q" name="q" type="search" defaultValue={q} maxLength={200} placeholder="e.g. support prompts" data-testid="experiments-search" className={`mt-1 w-full ${control}`} />
      </div>
      <div>
        <label htmlFor="exp-status" className="block text-xs font-medium text-slate-700 dark:text-slate-300">Status</label>
        <select
          id="exp-status"
          name="status"
          defaultValue={status}
          data-testid="experiments-status"
          onChange={(e) => e.currentTarget.form?.requestSubmit()}
          className={`mt-1 ${control}`}
        >
          <option value="">All statuses</option>
          {STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </div>
      <button type="submit" className="h-9 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800">
        Search
      </button>
      {q || status ? (
        <Link href="/" className="flex h-9 items-center px-1 text-sm text-blue-700 underline dark:text-blue-300">Clear filters</Link>
      ) : null}
    </Form>
  );
}
