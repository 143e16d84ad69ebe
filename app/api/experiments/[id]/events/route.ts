// GET /api/experiments/[id]/events — Server-Sent Events: progress (done / failed / remaining, cost so far, ETA) while a
// run is active, then "finished". Counts come from the database, so reconnecting after a restart shows the truth.
import { AppError } from "@/lib/errors";
import { experimentIdFrom } from "@/lib/experiments/params";
import { progressSnapshot } from "@/lib/experiments/progress";
import { handler } from "@/lib/http";
import { isRunning, subscribe } from "@/lib/runner/registry";

export const dynamic = "force-dynamic";

const THROTTLE_MS = 400;
const HEARTBEAT_MS = 15_000;

export const GET = handler(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const id = await experimentIdFrom(ctx);
  const first = await progressSnapshot(id);
  if (!first) throw new AppError("not_found", "No experiment with this id.");
  const pace = { since: Date.now(), finishedAtStart: first.done + first.failed };
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (event: string, data: unknown) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
        } catch {
          close();
        }
      };
      let timer: NodeJS.Timeout | undefined;
      let pending = false;
      const push = () => {
        if (pending) return;
        pending = true;
        timer = setTimeout(async () => {
          pending = false;
          const snap = await progressSnapshot(id, pace).catch(() => null);
          if (snap) send("progress", snap);
        }, THROTTLE_MS);
      };
      const heartbeat = setInterval(() => {
        if (!closed) controller.enqueue(encoder.encode(": keep-alive\n\n"));
      }, HEARTBEAT_MS);
      const unsubscribe = subscribe(id, (e) => {
        if (e.type === "finished") {
          clearTimeout(timer);
          void progressSnapshot(id, pace).then((snap) => {
            send("progress", snap);
            send("finished", { status: e.status });
            close();
          });
        } else if (e.type === "progress" || e.type === "cell") push();
      });
      function close() {
        if (closed) return;
        closed = true;
        clearTimeout(timer);
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {}
      }
      cleanup = close;
      req.signal.addEventListener("abort", close);
      send("progress", first);
      if (!isRunning(id)) {
        send("finished", { status: first.status });
        close();
      }
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, { headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" } });
});
