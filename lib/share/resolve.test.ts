import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ShareLinkSecretRow } from "@/lib/db/share-links";

// resolve.ts against a fake DB layer: garbage never reaches the database; every failure is the same plain null.
const find = vi.fn<(hash: string) => Promise<ShareLinkSecretRow | null>>();
vi.mock("@/lib/db/share-links", () => ({ findShareLinkByHash: (h: string) => find(h) }));

const { resolveShareToken, resolveShareTokenAt } = await import("./resolve");
const { generateShareToken, hashShareToken } = await import("./token");

const now = new Date("2026-03-01T12:00:00Z");
const row = (token: string, over: Partial<ShareLinkSecretRow> = {}): ShareLinkSecretRow => ({
  id: "clink000000000000000000001",
  experimentId: "cexp0000000000000000000001",
  label: null,
  expiresAt: null,
  revokedAt: null,
  createdAt: now,
  tokenHash: hashShareToken(token),
  ...over,
});

beforeEach(() => find.mockReset());

describe("resolveShareToken", () => {
  it("returns only the experiment id for an active link, looked up by hash (never by token)", async () => {
    const t = generateShareToken();
    find.mockResolvedValue(row(t));
    expect(await resolveShareTokenAt(t, now)).toEqual({ experimentId: "cexp0000000000000000000001" });
    expect(find).toHaveBeenCalledWith(hashShareToken(t));
    expect(find.mock.calls.flat()).not.toContain(t);
  });

  it("answers null without a query for malformed tokens", async () => {
    const t = generateShareToken();
    for (const g of ["", "abc", `${t}x`, t.slice(1), `${t.slice(0, 42)}=`, "%2e%2e%2f".padEnd(43, "A"), "A".repeat(10_000)]) {
      expect(await resolveShareToken(g)).toBeNull();
    }
    expect(await resolveShareToken(undefined as unknown as string)).toBeNull();
    expect(find).not.toHaveBeenCalled();
  });

  it("answers null for unknown, revoked and expired links", async () => {
    const t = generateShareToken();
    find.mockResolvedValue(null);
    expect(await resolveShareTokenAt(t, now)).toBeNull();
    find.mockResolvedValue(row(t, { revokedAt: new Date(now.getTime() - 1) }));
    expect(await resolveShareTokenAt(t, now)).toBeNull();
    find.mockResolvedValue(row(t, { expiresAt: now }));
    expect(await resolveShareTokenAt(t, now)).toBeNull();
    find.mockResolvedValue(row(t, { expiresAt: new Date(now.getTime() + 1) }));
    expect(await resolveShareTokenAt(t, now)).not.toBeNull();
  });

  it("answers null when the stored hash differs from the computed one (a loosely matching store)", async () => {
    const t = generateShareToken();
    find.mockResolvedValue(row(t, { tokenHash: hashShareToken(generateShareToken()) }));
    expect(await resolveShareTokenAt(t, now)).toBeNull();
    find.mockResolvedValue(row(t, { tokenHash: hashShareToken(t).toUpperCase().slice(0, 10) }));
    expect(await resolveShareTokenAt(t, now)).toBeNull();
    find.mockResolvedValue(row(t, { tokenHash: "" }));
    expect(await resolveShareTokenAt(t, now)).toBeNull();
  });
});
