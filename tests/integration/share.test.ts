import { beforeAll, describe, expect, it } from "vitest";
import { POST as createExperiment } from "@/app/api/experiments/route";
import { DELETE as revokeLink } from "@/app/api/experiments/[id]/share/[linkId]/route";
import { GET as listLinks, POST as createLink } from "@/app/api/experiments/[id]/share/route";
import { createShareLink, listShareLinks, revokeShareLink } from "@/lib/db/share-links";
import { resolveShareToken, resolveShareTokenAt } from "@/lib/share/resolve";
import { generateShareToken, hashShareToken } from "@/lib/share/token";
import { ctx, jsonRequest, stubModel } from "./helpers";

// Share links through the route handlers and the real database: create -> resolve, list hides secrets, revoke, expiry.

interface Created { id: string; label: string | null; expiresAt: string | null; createdAt: string; url: string; token: string }
interface Listed { id: string; label: string | null; expiresAt: string | null; revokedAt: string | null; createdAt: string; state: string }
interface ErrorJson { error: { code: string; message: string; fields?: Record<string, string> } }

const UNKNOWN_EXPERIMENT = "c".padEnd(25, "0");
let experimentId = "";
let otherExperimentId = "";

const linkCtx = (id: string, linkId: string) => ({ params: Promise.resolve({ id, linkId }) });
const get = (id: string) => listLinks(new Request(`http://localhost/api/experiments/${id}/share`), ctx(id));
const del = (id: string, linkId: string) => revokeLink(new Request(`http://localhost/api/experiments/${id}/share/${linkId}`, { method: "DELETE" }), linkCtx(id, linkId));

async function create(id: string, body: unknown): Promise<{ status: number; json: unknown; headers: Headers }> {
  const res = await createLink(jsonRequest(`/api/experiments/${id}/share`, body), ctx(id));
  return { status: res.status, json: await res.json(), headers: res.headers };
}

async function newExperiment(name: string): Promise<string> {
  const res = await createExperiment(jsonRequest("/api/experiments", { name, prompts: ["Summarise our refund policy"], baseline: "share-base", candidates: ["share-cand"], start: false }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { experiment: { id: string } }).experiment.id;
}

beforeAll(async () => {
  await stubModel("share-base", "openai", "quality=0.9,usage=10/20", [1, 2]);
  await stubModel("share-cand", "openai", "quality=0.8,usage=10/20", [0.5, 1]);
  experimentId = await newExperiment("IT: share links");
  otherExperimentId = await newExperiment("IT: share links (other)");
});

describe("share links", () => {
  it("creates a link whose token resolves to the experiment", async () => {
    const before = Date.now();
    const { status, json, headers } = await create(experimentId, { label: "For the board", expiresInDays: 7 });
    expect(status).toBe(201);
    expect(headers.get("cache-control")).toBe("no-store");
    const { link } = json as { link: Created };
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.url).toBe(`/share/${link.token}`);
    expect(link.label).toBe("For the board");
    const expires = Date.parse(link.expiresAt!);
    expect(expires - before).toBeGreaterThanOrEqual(7 * 86_400_000 - 5_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
    expect(await resolveShareToken(link.token)).toEqual({ experimentId });

    const never = (await create(experimentId, {})).json as { link: Created };
    expect(never.link.expiresAt).toBeNull();
    expect(never.link.label).toBeNull();
    expect(never.link.token).not.toBe(link.token);
    expect(await resolveShareToken(never.link.token)).toEqual({ experimentId });
  });

  it("lists links with their state and never the token or its hash", async () => {
    const { link } = (await create(experimentId, { label: "Listed", expiresInDays: null })).json as { link: Created };
    const res = await get(experimentId);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(link.token);
    expect(text).not.toContain(hashShareToken(link.token));
    expect(text).not.toMatch(/tokenHash|"token"|\/share\//);
    const { links } = JSON.parse(text) as { links: Listed[] };
    const row = links.find((l) => l.id === link.id)!;
    expect(row).toEqual({ id: link.id, label: "Listed", expiresAt: null, revokedAt: null, createdAt: link.createdAt, state: "active" });
    expect(Object.keys(row).sort()).toEqual(["createdAt", "expiresAt", "id", "label", "revokedAt", "state"]);
    // newest first
    expect(links[0]!.id).toBe(link.id);
    // another experiment's list does not show this one's links
    const other = (await (await get(otherExperimentId)).json()) as { links: Listed[] };
    expect(other.links.some((l) => l.id === link.id)).toBe(false);
  });

  it("the DB layer hands out the hash only through findShareLinkByHash", async () => {
    const made = await createShareLink({ experimentId: otherExperimentId, tokenHash: hashShareToken(generateShareToken()), label: null, expiresAt: null });
    const rows = [made, ...(await listShareLinks(otherExperimentId)), (await revokeShareLink(otherExperimentId, made.id))!];
    for (const r of rows) expect(Object.keys(r)).not.toContain("tokenHash");
  });

  it("revokes: resolve then answers null; revoking again is a no-op; another experiment's link is a 404", async () => {
    const { link } = (await create(experimentId, { label: "Revoke me" })).json as { link: Created };
    expect(await resolveShareToken(link.token)).not.toBeNull();

    const wrong = await del(otherExperimentId, link.id);
    expect(wrong.status).toBe(404);
    expect(await resolveShareToken(link.token)).not.toBeNull();

    const first = await del(experimentId, link.id);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ revoked: true });
    expect(await resolveShareToken(link.token)).toBeNull();

    const listed = ((await (await get(experimentId)).json()) as { links: Listed[] }).links.find((l) => l.id === link.id)!;
    expect(listed.state).toBe("revoked");
    expect(listed.revokedAt).not.toBeNull();

    const again = await del(experimentId, link.id);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ revoked: true });
    const relisted = ((await (await get(experimentId)).json()) as { links: Listed[] }).links.find((l) => l.id === link.id)!;
    expect(relisted.revokedAt).toBe(listed.revokedAt);

    for (const [id, linkId] of [[experimentId, "nope"], [experimentId, "c".padEnd(25, "9")], [UNKNOWN_EXPERIMENT, link.id]] as const) {
      const r = await del(id, linkId);
      expect(r.status, `${id}/${linkId}`).toBe(404);
      expect(((await r.json()) as ErrorJson).error.code).toBe("not_found");
    }
  });

  it("expired links resolve to null (clock injected, and a row whose expiry is really past)", async () => {
    const { link } = (await create(experimentId, { expiresInDays: 1 })).json as { link: Created };
    const expiresAt = new Date(link.expiresAt!);
    expect(await resolveShareTokenAt(link.token, new Date(expiresAt.getTime() - 1000))).toEqual({ experimentId });
    expect(await resolveShareTokenAt(link.token, expiresAt)).toBeNull();
    expect(await resolveShareTokenAt(link.token, new Date(expiresAt.getTime() + 86_400_000))).toBeNull();

    const token = generateShareToken();
    const row = await createShareLink({ experimentId, tokenHash: hashShareToken(token), label: "already expired", expiresAt: new Date(Date.now() - 60_000) });
    expect(await resolveShareToken(token)).toBeNull();
    const listed = ((await (await get(experimentId)).json()) as { links: Listed[] }).links.find((l) => l.id === row.id)!;
    expect(listed.state).toBe("expired");
  });

  it("unknown and garbage tokens resolve to null", async () => {
    for (const t of [generateShareToken(), "", "short", "A".repeat(44), `${"A".repeat(42)}B`, "' OR 1=1 --".padEnd(43, "x"), "../".repeat(15)]) {
      expect(await resolveShareToken(t), t).toBeNull();
    }
  });

  it("rejects bad bodies with 422 and field messages", async () => {
    const cases: [unknown, string][] = [
      [{ label: "x".repeat(81) }, "label"],
      [{ label: 5 }, "label"],
      [{ expiresInDays: 0 }, "expiresInDays"],
      [{ expiresInDays: 366 }, "expiresInDays"],
      [{ expiresInDays: 1.5 }, "expiresInDays"],
      [{ expiresInDays: "7" }, "expiresInDays"],
      [{ expiresIn: 7 }, "expiresIn"],
      [[], "(body)"],
    ];
    for (const [body, field] of cases) {
      const { status, json } = await create(experimentId, body);
      expect(status, JSON.stringify(body)).toBe(422);
      expect(Object.keys((json as ErrorJson).error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    const notJson = await createLink(jsonRequest(`/api/experiments/${experimentId}/share`, "{nope"), ctx(experimentId));
    expect(notJson.status).toBe(400);
  });

  it("answers 404 for an unknown or malformed experiment id", async () => {
    for (const id of [UNKNOWN_EXPERIMENT, "not-an-id"]) {
      const { status, json } = await create(id, { label: "x" });
      expect(status, id).toBe(404);
      expect((json as ErrorJson).error.code).toBe("not_found");
      expect((await get(id)).status, id).toBe(404);
    }
  });
});
