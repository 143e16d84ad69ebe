// POST /api/imports/[id]/replay — create an experiment from the log (or a random sample of it) and start it.
import { createReadStream } from "node:fs";
import { AppError } from "@/lib/errors";
import { handler, readJson } from "@/lib/http";
import { scanImport } from "@/lib/import";
import { createReplay, resolveFormat } from "@/lib/replay/from-log";
import { startRun } from "@/lib/runner/registry";
import { replayCreateSchema } from "@/lib/schemas/replay";
import { uploadIdFrom } from "@/lib/uploads/params";
import { uploadPath } from "@/lib/uploads/store";

export const dynamic = "force-dynamic";

export const POST = handler(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const id = await uploadIdFrom(ctx);
  const body = replayCreateSchema.parse(await readJson(req, 64 * 1024));
  const up = uploadPath(id);
  const format = await resolveFormat({ path: up.path, format: body.format });
  const scan = await scanImport(createReadStream(up.path), { format, csvMapping: body.csvMapping, fileName: up.fileName });
  if (scan.badCount > 0 && body.acceptBadLines !== true) {
    throw new AppError(
      "validation_failed",
      `The log has ${scan.badCount} bad line(s) (first: ${scan.bad[0]?.reason ?? "?"}). Import only the good lines (acceptBadLines: true) or fix the file; nothing was imported.`,
      { acceptBadLines: `${scan.badCount} bad line(s)` },
    );
  }
  const created = await createReplay({
    log: { path: up.path, format, csvMapping: body.csvMapping },
    name: body.name,
    baseline: body.baseline,
    candidates: body.candidates,
    judge: body.judge ?? null,
    rubric: body.rubric,
    tolerances: body.tolerances,
    sample: body.sample,
    concurrency: body.concurrency,
  });
  startRun(created.id);
  return Response.json({ experiment: { ...created, duplicates: scan.duplicates, badLinesSkipped: scan.badCount } }, { status: 201 });
});
