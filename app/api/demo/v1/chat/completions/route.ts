// POST /api/demo/v1/chat/completions — the simulated models' upstream, in the OpenAI wire format.
// Reached only through the Portkey gateway (custom host), exactly like a real provider.
import { demoChatCompletion } from "@/lib/demo/upstream";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  let body: Record<string, unknown>;
  try {
    body = (await req.json()) as Record<string, unknown>;
  } catch {
    return Response.json({ error: { message: "Body must be JSON", type: "invalid_request_error", code: null } }, { status: 400 });
  }
  const reply = demoChatCompletion(body);
  if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
  return Response.json(reply.body, { status: reply.status });
}
