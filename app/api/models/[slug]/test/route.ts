// POST /api/models/[slug]/test — a tiny real call ("Reply with OK", 5 tokens) through Portkey: {ok, latencyMs, error?}.
import { toTarget } from "@/lib/db/models";
import { handler } from "@/lib/http";
import { callModel } from "@/lib/portkey/call";
import { modelFromParams } from "../model-param";

export const dynamic = "force-dynamic";

// A connection test should answer quickly: no gateway retries, and a shorter timeout than a run's.
const TEST_POLICY = { retryAttempts: 0, requestTimeoutMs: 15_000 };

export const POST = handler(async (_req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const row = await modelFromParams(ctx);
  const r = await callModel(
    toTarget(row),
    { messages: [{ role: "user", content: "Reply with OK" }], maxTokens: 5, temperature: 0 },
    { metadata: { purpose: "connection-test" }, policy: TEST_POLICY },
  );
  return Response.json(r.ok ? { ok: true, latencyMs: r.latencyMs } : { ok: false, latencyMs: r.latencyMs, errorCode: r.errorCode, error: r.error ?? "The call failed." });
});
