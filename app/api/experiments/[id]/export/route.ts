// GET /api/experiments/[id]/export?format=csv|json — download the results, one row per cell (streamed).
import { AppError } from "@/lib/errors";
import { experimentIdFrom } from "@/lib/experiments/params";
import { handler } from "@/lib/http";
import { exportExperiment, type ExportFormat } from "@/lib/report/export";

export const dynamic = "force-dynamic";

const TYPES: Record<ExportFormat, string> = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" };

export const GET = handler(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const id = await experimentIdFrom(ctx);
  const format = new URL(req.url).searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "json") throw new AppError("bad_request", 'format must be "csv" or "json".');
  const { stream, name } = await exportExperiment(id, format);
  return new Response(stream, {
    headers: {
      "content-type": TYPES[format],
      "content-disposition": `attachment; filename="${name}.${format}"`,
      "cache-control": "no-store",
    },
  });
});
