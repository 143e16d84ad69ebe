// POST /api/compare — one prompt to many models in parallel; streams each stored answer as NDJSON as it arrives.
import { startCompare } from "@/lib/compare/start";
import { handler, readJson } from "@/lib/http";
import { runExperiment, type RunEvent } from "@/lib/runner/run";
import { computeReport } from "@/lib/report/store";
import { compareRequestSchema } from "@/lib/schemas/compare";
import { logError } from "@/lib/log";

export const dynamic = "force-dynamic";

export const POST = handler(async (req: Request) => {
  const input = compareRequestSchema.parse(await readJson(req));
  const started = await startCompare(input);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (obj: unknown) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(obj)}\n`));
        } catch {
          open = false; // the browser went away; the run goes on and is stored
        }
      };
      send({ type: "started", experimentId: started.experimentId, caseId: started.caseId, models: started.models });
      try {
        await runExperiment(started.experimentId, { onEvent: (e: RunEvent) => send(e) });
        send({ type: "report", recommendation: await computeReport(started.experimentId) });
      } catch (err) {
        logError("compare stream", err);
        send({ type: "error", error: { code: "internal", message: "The comparison stopped on a server error." } });
      } finally {
        if (open) controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store", "x-experiment-id": started.experimentId },
  });
});
