// GET /api/health — readiness: the database answers and the configuration is valid.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    env();
    const prisma = await db();
    await prisma.$queryRawUnsafe("SELECT 1");
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, error: { code: "internal", message: "Not ready: check the server log" } }, { status: 503 });
  }
}
