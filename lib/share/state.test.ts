import { describe, expect, it } from "vitest";
import { expiryFrom, isShareLinkUsable, shareLinkState } from "./state";

const now = new Date("2026-03-01T12:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);

describe("shareLinkState", () => {
  it("is active with no expiry, or an expiry in the future", () => {
    expect(shareLinkState({ expiresAt: null, revokedAt: null }, now)).toBe("active");
    expect(shareLinkState({ expiresAt: at(1), revokedAt: null }, now)).toBe("active");
  });

  it("is expired from the expiry instant on", () => {
    expect(shareLinkState({ expiresAt: at(0), revokedAt: null }, now)).toBe("expired");
    expect(shareLinkState({ expiresAt: at(-1), revokedAt: null }, now)).toBe("expired");
  });

  it("is revoked whenever revokedAt is set, even if also expired or revoked 'in the future'", () => {
    expect(shareLinkState({ expiresAt: null, revokedAt: at(-1000) }, now)).toBe("revoked");
    expect(shareLinkState({ expiresAt: at(-5000), revokedAt: at(-1000) }, now)).toBe("revoked");
    expect(shareLinkState({ expiresAt: at(5000), revokedAt: at(1000) }, now)).toBe("revoked");
  });

  it("isShareLinkUsable only for active links", () => {
    expect(isShareLinkUsable({ expiresAt: null, revokedAt: null }, now)).toBe(true);
    expect(isShareLinkUsable({ expiresAt: at(-1), revokedAt: null }, now)).toBe(false);
    expect(isShareLinkUsable({ expiresAt: null, revokedAt: now }, now)).toBe(false);
  });
});

describe("expiryFrom", () => {
  it("adds whole days, or gives null for never", () => {
    expect(expiryFrom(null, now)).toBeNull();
    expect(expiryFrom(undefined, now)).toBeNull();
    expect(expiryFrom(1, now)?.toISOString()).toBe("2026-03-02T12:00:00.000Z");
    expect(expiryFrom(30, now)?.toISOString()).toBe("2026-03-31T12:00:00.000Z");
    expect(expiryFrom(365, now)?.toISOString()).toBe("2027-03-01T12:00:00.000Z");
  });

  it("refuses out-of-range or fractional days", () => {
    for (const d of [0, -1, 366, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => expiryFrom(d, now), String(d)).toThrow(RangeError);
  });

  it("a link made with expiresInDays=1 is active just before a day has passed and expired at it", () => {
    const expiresAt = expiryFrom(1, now);
    expect(shareLinkState({ expiresAt, revokedAt: null }, at(24 * 3600e3 - 1))).toBe("active");
    expect(shareLinkState({ expiresAt, revokedAt: null }, at(24 * 3600e3))).toBe("expired");
  });
});
