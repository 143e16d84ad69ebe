import "server-only";
import { getExperiment } from "@/lib/db/experiments";
import { listCaseBatch } from "@/lib/db/cases";
import { AppError } from "@/lib/errors";
import { experimentView } from "@/lib/experiments/view";
import { modelOrder } from "./cases";
import { toCaseView } from "./case-view";
import { cellCsvRow, csvHeader, type ExportCell } from "./csv";
import { currentReport } from "./report-data";

// Exports of an experiment, streamed in batches of cases so that a large run never sits in memory as one string:
// CSV (one row per cell) and JSON {experiment, report, cells}. Only stored results go out: there are no keys in the
// database, and none are added here.

export type ExportFormat = "csv" | "json";

const BATCH_CASES = 200;

interface ExportContext {
  experimentId: string;
  name: string;
  models: string[];
  baseline: string;
  criteria: string[];
}

async function exportContext(experimentId: string): Promise<ExportContext> {
  const exp = await getExperiment(experimentId);
  if (!exp) throw new AppError("not_found", "No experiment with this id.");
  const rubric = Array.isArray(exp.rubric) ? (exp.rubric as { name?: unknown }[]) : [];
  return {
    experimentId,
    name: exp.name,
    models: modelOrder(exp.baselineSlug, exp.candidateSlugs as string[]),
    baseline: exp.baselineSlug,
    criteria: rubric.flatMap((c) => (typeof c.name === "string" ? [c.name] : [])),
  };
}

async function* exportCells(c: ExportContext): AsyncGenerator<ExportCell[]> {
  let fromIdx = 0;
  for (;;) {
    const rows = await listCaseBatch(c.experimentId, { fromIdx, take: BATCH_CASES });
    if (!rows.length) return;
    yield rows.flatMap((row) => {
      const view = toCaseView(row, c.models);
      return view.cells.map((cell) => ({ ...cell, caseIdx: view.idx, messages: view.messages, role: cell.model === c.baseline ? ("baseline" as const) : ("candidate" as const) }));
    });
    fromIdx = rows[rows.length - 1]!.idx + 1;
  }
}

function toStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

async function* csvChunks(c: ExportContext): AsyncGenerator<string> {
  yield csvHeader(c.criteria);
  for await (const batch of exportCells(c)) yield batch.map((cell) => cellCsvRow(cell, c.criteria)).join("");
}

async function* jsonChunks(c: ExportContext): AsyncGenerator<string> {
  const experiment = await experimentView(c.experimentId);
  const report = await currentReport(c.experimentId, experiment);
  yield `{"experiment":${JSON.stringify({ ...experiment, cells: undefined })},"report":${JSON.stringify(report)},"cells":[`;
  let first = true;
  for await (const batch of exportCells(c)) {
    if (!batch.length) continue;
    yield `${first ? "" : ","}\n${batch.map((cell) => JSON.stringify(cell)).join(",\n")}`;
    first = false;
  }
  yield "\n]}\n";
}

/** Checks the experiment exists (so a 404 is answered before streaming starts), then streams the export. */
export async function exportExperiment(experimentId: string, format: ExportFormat): Promise<{ stream: ReadableStream<Uint8Array>; name: string }> {
  const c = await exportContext(experimentId);
  return { stream: toStream(format === "csv" ? csvChunks(c) : jsonChunks(c)), name: fileName(c.name) };
}

/** A safe download name: letters, digits, dashes. */
export function fileName(name: string): string {
  const base = name.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).toLowerCase();
  return base || "experiment";
}
