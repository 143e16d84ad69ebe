// POST /api/experiments — create an experiment (and start it unless start=false); GET — list experiments.
import { createExperimentFromInput } from "@/lib/experiments/create";
import { listExperiments } from "@/lib/db/experiments";
import { handler, readJson } from "@/lib/http";
import { startRun } from "@/lib/runner/registry";
import { createExperimentSchema } from "@/lib/schemas/experiment";

export const dynamic = "force-dynamic";

export const POST = handler(async (req: Request) => {
  const input = createExperimentSchema.parse(await readJson(req, 24 * 1024 * 1024));
  const created = await createExperimentFromInput(input);
  if (input.start !== false) startRun(created.id);
  return Response.json({ experiment: { id: created.id, cases: created.cases, started: input.start !== false } }, { status: 201 });
});

export const GET = handler(async (req: Request) => {
  const url = new URL(req.url);
  const q = url.searchParams.get("q")?.slice(0, 200) || undefined;
  const status = url.searchParams.get("status")?.slice(0, 20) || undefined;
  const rows = await listExperiments({ query: q, status });
  return Response.json({
    experiments: rows.map((r) => ({ ...r, cases: r._count.cases, _count: undefined, createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null })),
  });
});
