"use client";
import { useMemo, useState } from "react";
import type { ModelAggregate } from "@/lib/recommend/types";
import { needsSimulatedBadge, type ModelLabel } from "@/lib/report/report-types";
import { Pill } from "./pill";
import { compareNullable, type SortDir } from "./sort";
import { COLUMNS, type Column } from "./tradeoff-columns";

// One row per model. Headers are buttons (keyboard: Tab + Enter/Space); the sorted column carries aria-sort.

interface Props {
  models: ModelAggregate[];
  labels: ModelLabel[];
  recommended: string;
  judged: boolean;
  grading?: boolean;
}

const MODEL_COLUMN: Pick<Column, "key" | "label" | "numeric"> = { key: "model", label: "Model", numeric: false };

export function TradeoffTable({ models, labels, recommended, judged, grading = false }: Props) {
  const [sort, setSort] = useState<{ key: string; dir: SortDir } | null>(null);
  const info = useMemo(() => new Map(labels.map((l) => [l.slug, l])), [labels]);
  const labelOf = (slug: string) => info.get(slug)?.label ?? slug;

  const rows = useMemo(() => {
    if (!sort) return models;
    const col = COLUMNS.find((c) => c.key === sort.key);
    const label = (m: ModelAggregate) => info.get(m.model)?.label ?? m.model;
    const value = (m: ModelAggregate) => (col ? col.sortValue(m, label(m)) : label(m).toLowerCase());
    return [...models].sort((a, b) => compareNullable(value(a), value(b), sort.dir));
  }, [models, sort, info]);

  const toggle = (key: string, numeric: boolean) =>
    setSort((s) => (s?.key === key ? { key, dir: s.dir === "asc" ? "desc" : "asc" } : { key, dir: numeric && key.startsWith("quality") ? "desc" : "asc" }));

  const header = (c: Pick<Column, "key" | "label" | "numeric" | "hint">) => {
    const active = sort?.key === c.key;
    return (
      <th
        key={c.key}
        scope="col"
        aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}
        className={`px-2 py-2 align-bottom font-medium ${c.numeric ? "text-right" : "text-left"} ${c.key === "model" ? "sticky left-0 z-10 bg-slate-50 dark:bg-slate-900" : ""}`}
      >
        <button
          type="button"
          data-testid={`sort-${c.key}`}
          onClick={() => toggle(c.key, c.numeric)}
          className={`rounded px-1 hover:text-blue-700 dark:hover:text-blue-300 ${c.numeric ? "text-right" : "text-left"}`}
          title={c.hint}
        >
          {c.label}
          <span aria-hidden className={`ml-1 whitespace-nowrap text-xs ${active ? "text-blue-700 dark:text-blue-300" : "text-slate-400"}`}>
            {active ? (sort.dir === "asc" ? "▲" : "▼") : "↕"}
          </span>
          {c.hint ? <span className="sr-only">({c.hint})</span> : null}
        </button>
      </th>
    );
  };

  return (
    <section aria-labelledby="tradeoff-title" className="rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-baseline justify-between gap-2 px-4 pt-4">
        <h2 id="tradeoff-title" className="text-lg font-semibold">Trade-off</h2>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Select a column header to sort.<span className="md:hidden"> Scroll sideways for more columns.</span>
          {judged ? "" : " Quality is not graded: this experiment has no judge."}
        </p>
      </div>
      <div className="mt-3 overflow-x-auto">
        <table data-testid="tradeoff-table" className="w-full border-collapse text-sm tabular-nums">
          <caption className="sr-only">Per-model cost, quality, refusals, latency, errors and verdict{sort ? `, sorted by ${[MODEL_COLUMN, ...COLUMNS].find((c) => c.key === sort.key)?.label} ${sort.dir === "asc" ? "ascending" : "descending"}` : ""}</caption>
          <thead className="border-y border-slate-200 bg-slate-50 text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300">
            <tr>{[MODEL_COLUMN, ...COLUMNS].map(header)}</tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {rows.map((m) => (
              <tr key={m.model} data-testid={`row-${m.model}`} data-model={m.model} className="align-top">
                <th scope="row" className="sticky left-0 z-10 bg-white py-2 pl-3 pr-2 text-left font-medium dark:bg-slate-900">
                  <div className="min-w-32 max-w-48">{labelOf(m.model)}</div>
                  <div className="mt-1 flex flex-wrap gap-1">
                    {m.role === "baseline" ? <Pill tone="blue">baseline</Pill> : null}
                    {m.model === recommended && m.role !== "baseline" ? <Pill tone="emerald">recommended</Pill> : null}
                    {needsSimulatedBadge(info.get(m.model)) ? <Pill tone="violet">simulated</Pill> : null}
                  </div>
                </th>
                {COLUMNS.map((c) => (
                  <td key={c.key} className={`px-2 py-2 ${c.numeric ? "text-right" : "text-left"} ${c.key === "verdict" ? "pr-3" : "whitespace-nowrap"}`}>
                    {c.render(m, { judged, grading })}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
