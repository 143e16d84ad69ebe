import { createHash, createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { generateShareToken, hashShareToken, hashShareTokenWith, isShareTokenShape, SHARE_TOKEN_LENGTH, sharePath } from "./token";

describe("generateShareToken", () => {
  it("is 43 base64url characters that decode to exactly 32 bytes", () => {
    const t = generateShareToken();
    expect(SHARE_TOKEN_LENGTH).toBe(43);
    expect(t).toHaveLength(43);
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(t, "base64url")).toHaveLength(32);
    expect(Buffer.from(t, "base64url").toString("base64url")).toBe(t);
  });

  it("is unique over 1,000 draws and passes its own shape check", () => {
    const tokens = Array.from({ length: 1000 }, generateShareToken);
    expect(new Set(tokens).size).toBe(1000);
    expect(tokens.every(isShareTokenShape)).toBe(true);
  });

  it("looks random: every base64url symbol appears and bytes are spread evenly", () => {
    const bytes = Buffer.concat(Array.from({ length: 1000 }, () => Buffer.from(generateShareToken(), "base64url")));
    const counts = new Array<number>(256).fill(0);
    for (const b of bytes) counts[b]! += 1;
    // 32,000 bytes over 256 values: 125 expected each; a stuck or biased generator lands far outside this band.
    expect(Math.min(...counts)).toBeGreaterThan(60);
    expect(Math.max(...counts)).toBeLessThan(200);
    const symbols = new Set(Array.from({ length: 200 }, generateShareToken).join(""));
    expect(symbols.size).toBe(64);
  });
});

describe("isShareTokenShape", () => {
  it("rejects wrong length, charset, padding, non-canonical endings and non-strings", () => {
    const good = generateShareToken();
    const bad: unknown[] = [
      "",
      good.slice(0, 42),
      `${good}A`,
      `${good.slice(0, 42)}=`,
      `${good.slice(0, 42)}B`, // carries bits past the 32nd byte: not an encoding we produce
      `${good.slice(0, 41)}+A`,
      `${good.slice(0, 41)}/A`,
      `${good.slice(0, 20)} ${good.slice(21)}`,
      `${good.slice(0, 20)}é${good.slice(21)}`,
      "../../etc/passwd".padEnd(43, "A"),
      null,
      undefined,
      42,
      { token: good },
    ];
    for (const b of bad) expect(isShareTokenShape(b), JSON.stringify(b)).toBe(false);
    expect(isShareTokenShape(good)).toBe(true);
    expect(isShareTokenShape("A".repeat(43))).toBe(true);
  });
});

describe("hashing", () => {
  afterEach(() => {
    delete process.env.SHARE_TOKEN_PEPPER;
  });

  it("is sha256 hex without a pepper and HMAC-SHA256 with one", () => {
    const t = generateShareToken();
    expect(hashShareTokenWith(t, undefined)).toBe(createHash("sha256").update(t).digest("hex"));
    expect(hashShareTokenWith(t, "pepper-1")).toBe(createHmac("sha256", "pepper-1").update(t).digest("hex"));
    expect(hashShareTokenWith(t, "pepper-1")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashShareTokenWith(t, "pepper-1")).not.toBe(hashShareTokenWith(t, "pepper-2"));
    expect(hashShareTokenWith(t, undefined)).not.toBe(hashShareTokenWith(generateShareToken(), undefined));
  });

  it("reads the pepper from SHARE_TOKEN_PEPPER, ignoring a blank value", () => {
    const t = generateShareToken();
    expect(hashShareToken(t)).toBe(hashShareTokenWith(t, undefined));
    process.env.SHARE_TOKEN_PEPPER = "   ";
    expect(hashShareToken(t)).toBe(hashShareTokenWith(t, undefined));
    process.env.SHARE_TOKEN_PEPPER = "a-server-side-secret";
    expect(hashShareToken(t)).toBe(hashShareTokenWith(t, "a-server-side-secret"));
  });

  it("never contains the token", () => {
    const t = generateShareToken();
    expect(hashShareToken(t)).not.toContain(t);
    expect(sharePath(t)).toBe(`/share/${t}`);
  });
});
