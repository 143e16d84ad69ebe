import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies the embedded defaults", () => {
    const e = parseEnv({});
    expect(e.DATABASE_URL).toBe("file:./data/tradeoff.db");
    expect(e.PORTKEY_GATEWAY_URL).toBe("http://127.0.0.1:8787/v1");
    expect(e.TRADEOFF_RETRY_ATTEMPTS).toBe(3);
  });
  it("names every bad variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", TRADEOFF_RETRY_ATTEMPTS: "nine", PORTKEY_GATEWAY_URL: "not a url" })).toThrow(
      /DATABASE_URL: must start with file:[\s\S]*PORTKEY_GATEWAY_URL[\s\S]*TRADEOFF_RETRY_ATTEMPTS/,
    );
  });
  it("rejects out-of-range numbers", () => {
    expect(() => parseEnv({ TRADEOFF_REQUEST_TIMEOUT_MS: "5" })).toThrow(/TRADEOFF_REQUEST_TIMEOUT_MS/);
  });
});
