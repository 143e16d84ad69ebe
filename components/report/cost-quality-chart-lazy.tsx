"use client";
import dynamic from "next/dynamic";

// Chart.js loads after the page is interactive: the first render stays light and the text alternative is already there.

export const CostQualityChartLazy = dynamic(() => import("./cost-quality-chart"), {
  ssr: false,
  loading: () => <div className="h-80 w-full animate-pulse rounded-lg bg-slate-100 sm:h-96 dark:bg-slate-800" aria-hidden />,
});
