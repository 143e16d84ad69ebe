import { describe, expect, it } from "vitest";
import { createShareLinkSchema } from "./schema";

describe("createShareLinkSchema", () => {
  it("accepts an empty body and normalises label and expiry", () => {
    expect(createShareLinkSchema.parse({})).toEqual({ label: null, expiresInDays: null });
    expect(createShareLinkSchema.parse({ label: "  For the board ", expiresInDays: 7 })).toEqual({ label: "For the board", expiresInDays: 7 });
    expect(createShareLinkSchema.parse({ label: "   ", expiresInDays: null })).toEqual({ label: null, expiresInDays: null });
    expect(createShareLinkSchema.parse({ label: "x".repeat(80), expiresInDays: 365 }).label).toHaveLength(80);
  });

  it("rejects bad values with a message on the field", () => {
    const bad: [unknown, string][] = [
      [{ label: "x".repeat(81) }, "label"],
      [{ label: 12 }, "label"],
      [{ expiresInDays: 0 }, "expiresInDays"],
      [{ expiresInDays: 366 }, "expiresInDays"],
      [{ expiresInDays: 2.5 }, "expiresInDays"],
      [{ expiresInDays: "7" }, "expiresInDays"],
    ];
    for (const [body, field] of bad) {
      const r = createShareLinkSchema.safeParse(body);
      expect(r.success, JSON.stringify(body)).toBe(false);
      expect(r.error?.issues[0]?.path, JSON.stringify(body)).toEqual([field]);
    }
  });

  it("rejects unknown fields and non-objects", () => {
    expect(createShareLinkSchema.safeParse({ expiresIn: 7 }).error?.issues[0]?.code).toBe("unrecognized_keys");
    expect(createShareLinkSchema.safeParse([]).success).toBe(false);
    expect(createShareLinkSchema.safeParse("x").success).toBe(false);
  });
});
