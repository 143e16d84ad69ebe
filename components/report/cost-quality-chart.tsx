"use client";
import { Chart as ChartJS, Legend, LinearScale, LineElement, LogarithmicScale, PointElement, ScatterController, Tooltip, type ChartData, type ChartOptions, type Plugin } from "chart.js";
import { useEffect, useMemo, useRef, useState } from "react";
import { Scatter } from "react-chartjs-2";
import { formatUsd } from "@/components/ui/format";
import type { ChartPoint } from "./chart-points";
import type { PlottedPoint } from "@/lib/report/pareto";

ChartJS.register(ScatterController, LinearScale, LogarithmicScale, PointElement, LineElement, Tooltip, Legend);

// Cost (x) vs quality (y), one labelled point per model; the Pareto frontier as a dashed line; the baseline and the
// recommended model drawn with their own shape and colour (and named in the legend, so colour is not the only cue).

const COLORS = { baseline: "#2563eb", recommended: "#059669", other: "#64748b", frontier: "#d97706" };

interface Theme {
  text: string;
  grid: string;
  /** The card's background, drawn around labels. */
  halo: string;
}

/** Text and grid colours come from CSS (so they follow the page's light/dark theme), read from two hidden swatches. */
function useTheme(): [React.RefObject<HTMLSpanElement | null>, React.RefObject<HTMLSpanElement | null>, React.RefObject<HTMLSpanElement | null>, Theme] {
  const textRef = useRef<HTMLSpanElement>(null);
  const gridRef = useRef<HTMLSpanElement>(null);
  const haloRef = useRef<HTMLSpanElement>(null);
  const [theme, setTheme] = useState<Theme>({ text: "#334155", grid: "#e2e8f0", halo: "#ffffff" });
  useEffect(() => {
    const read = () => {
      if (textRef.current && gridRef.current && haloRef.current)
        setTheme({ text: getComputedStyle(textRef.current).color, grid: getComputedStyle(gridRef.current).color, halo: getComputedStyle(haloRef.current).color });
    };
    read();
    const mq = window.matchMedia("(prefers-color-scheme: dark)");
    mq.addEventListener("change", read);
    return () => mq.removeEventListener("change", read);
  }, []);
  return [textRef, gridRef, haloRef, theme];
}

/** Draws each model's name beside its point, kept inside the plot area, with a halo so the frontier line stays readable. */
function labelsPlugin(points: ChartPoint[][], theme: Theme): Plugin<"scatter"> {
  return {
    id: "pointLabels",
    afterDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.font = "12px ui-sans-serif, system-ui, sans-serif";
      ctx.textBaseline = "bottom";
      ctx.textAlign = "left";
      ctx.lineJoin = "round";
      ctx.lineWidth = 4;
      ctx.strokeStyle = theme.halo;
      ctx.fillStyle = theme.text;
      points.forEach((set, i) => {
        const meta = chart.getDatasetMeta(i);
        if (meta.hidden) return;
        set.forEach((p, j) => {
          const el = meta.data[j];
          if (!el) return;
          // On a narrow chart the demo models' "(simulated)" suffix is dropped from the point label (the legend,
          // tooltips and the table keep the full name).
          const text = chartArea.right - chartArea.left < 480 ? p.label.replace(/\s*\(simulated\)$/i, "") : p.label;
          const width = ctx.measureText(text).width;
          // Right of the point if it fits, else left of it, else centred above it; never outside the plot area.
          let x = el.x + 10 <= chartArea.right - width ? el.x + 10 : el.x - 10 - width >= chartArea.left ? el.x - 10 - width : el.x - width / 2;
          x = Math.min(Math.max(x, chartArea.left + 2), chartArea.right - width - 2);
          const beside = x >= el.x + 8 || x + width <= el.x - 8;
          const y = Math.max(chartArea.top + 14, el.y - (beside ? 6 : 14));
          ctx.strokeText(text, x, y);
          ctx.fillText(text, x, y);
        });
      });
      ctx.restore();
    },
  };
}

/** Axis ticks: two significant digits, no trailing zeros ("$0.00005", "$0.0012"). */
function compactUsd(v: number): string {
  if (!Number.isFinite(v) || v <= 0) return "$0";
  const digits = Math.min(10, Math.max(0, -Math.floor(Math.log10(v)) + 1));
  return `$${parseFloat(v.toFixed(digits))}`;
}

export default function CostQualityChart({ points, frontier, label }: { points: ChartPoint[]; frontier: PlottedPoint[]; label: string }) {
  const [textRef, gridRef, haloRef, theme] = useTheme();
  const groups = useMemo(
    () => ({
      baseline: points.filter((p) => p.role === "baseline"),
      recommended: points.filter((p) => p.role === "recommended"),
      other: points.filter((p) => p.role === "other"),
    }),
    [points],
  );
  const sets = [groups.baseline, groups.recommended, groups.other];
  const costs = points.map((p) => p.cost).filter((c) => c > 0);
  const logScale = costs.length > 1 && Math.max(...costs) / Math.min(...costs) > 20 && costs.length === points.length;
  // Room around the extreme points so that none sits on an axis.
  const xMin = logScale ? Math.min(...costs) / 1.6 : 0;
  const xMax = logScale ? Math.max(...costs) * 1.6 : Math.max(...points.map((p) => p.cost), 0) * 1.15 || 1e-6;
  const qs = points.map((p) => p.quality);
  const yMin = Math.max(0, Math.floor((Math.min(...qs) - 0.05) * 20) / 20);
  const yMax = Math.min(1, Math.ceil((Math.max(...qs) + 0.05) * 20) / 20);

  const data: ChartData<"scatter"> = {
    datasets: [
      { label: "Baseline", data: groups.baseline.map((p) => ({ x: p.cost, y: p.quality })), backgroundColor: COLORS.baseline, borderColor: COLORS.baseline, pointStyle: "rectRot", pointRadius: 9, pointHoverRadius: 11 },
      { label: "Recommended", data: groups.recommended.map((p) => ({ x: p.cost, y: p.quality })), backgroundColor: COLORS.recommended, borderColor: COLORS.recommended, pointStyle: "triangle", pointRadius: 10, pointHoverRadius: 12 },
      { label: "Other models", data: groups.other.map((p) => ({ x: p.cost, y: p.quality })), backgroundColor: COLORS.other, borderColor: COLORS.other, pointStyle: "circle", pointRadius: 6, pointHoverRadius: 8 },
      {
        label: "Pareto frontier",
        data: frontier.map((p) => ({ x: p.cost, y: p.quality })),
        showLine: true,
        borderColor: COLORS.frontier,
        backgroundColor: COLORS.frontier,
        borderDash: [6, 4],
        borderWidth: 2,
        pointStyle: "line",
        pointRadius: 0,
        pointHoverRadius: 0,
        order: 10,
      },
    ],
  };

  const options: ChartOptions<"scatter"> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    layout: { padding: { top: 16, right: 16 } },
    scales: {
      x: {
        type: logScale ? "logarithmic" : "linear",
        min: xMin,
        max: xMax,
        title: { display: true, text: `Mean cost per case (USD${logScale ? ", log scale" : ""})`, color: theme.text },
        ticks: { color: theme.text, maxTicksLimit: 6, autoSkipPadding: 12, callback: (v) => compactUsd(Number(v)) },
        grid: { color: theme.grid },
      },
      y: {
        min: yMin,
        max: yMax,
        title: { display: true, text: "Mean quality (0–1)", color: theme.text },
        ticks: { color: theme.text, callback: (v) => Number(v).toFixed(2) },
        grid: { color: theme.grid },
      },
    },
    plugins: {
      legend: { position: "bottom", labels: { color: theme.text, usePointStyle: true, padding: 16 } },
      tooltip: {
        filter: (item) => item.datasetIndex < 3,
        callbacks: {
          label: (item) => {
            const p = sets[item.datasetIndex]?.[item.dataIndex];
            if (!p) return "";
            const ci = p.qualityCi ? ` (95% CI ${p.qualityCi[0].toFixed(2)}–${p.qualityCi[1].toFixed(2)})` : "";
            return [`${p.label}${p.onFrontier ? " · on the frontier" : ""}`, `cost ${formatUsd(p.cost)}/case`, `quality ${p.quality.toFixed(2)}${ci}`];
          },
        },
      },
    },
  };

  return (
    <div className="relative h-80 w-full sm:h-96">
      <span ref={textRef} aria-hidden className="hidden text-slate-700 dark:text-slate-300" />
      <span ref={gridRef} aria-hidden className="hidden text-slate-200 dark:text-slate-700" />
      <span ref={haloRef} aria-hidden className="hidden text-white dark:text-slate-900" />
      <Scatter
        key={`${theme.text}-${logScale ? "log" : "lin"}`}
        data={data}
        options={options}
        plugins={[labelsPlugin(sets, theme)]}
        aria-label={label}
        role="img"
        data-testid="cost-quality-canvas"
      />
    </div>
  );
}
