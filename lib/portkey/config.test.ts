import { describe, expect, it } from "vitest";
import { buildPortkeyConfig, worstCaseMs } from "./config";
import { connectionOf, hostedProviderEnvName, type ModelTarget } from "./target";

describe("buildPortkeyConfig", () => {
  it("carries retries on 429/5xx, the timeout and strict compliance off", () => {
    const c = buildPortkeyConfig({ provider: "anthropic", apiKey: "k", customHost: "http://127.0.0.1:9/v1" }, { retryAttempts: 3, requestTimeoutMs: 1000 });
    expect(c).toEqual({
      provider: "anthropic",
      api_key: "k",
      custom_host: "http://127.0.0.1:9/v1",
      retry: { attempts: 3, on_status_codes: [429, 500, 502, 503, 504] },
      request_timeout: 1000,
      strict_open_ai_compliance: false,
    });
  });
  it("omits retry when attempts is 0", () => {
    expect(buildPortkeyConfig({}, { retryAttempts: 0, requestTimeoutMs: 500 }).retry).toBeUndefined();
  });
  it("bounds the worst case by attempts x timeout + backoff", () => {
    expect(worstCaseMs({ retryAttempts: 2, requestTimeoutMs: 1000 })).toBe(3 * 1000 + 1000 + 2000 + 5000);
  });
});

describe("connectionOf", () => {
  const openai: ModelTarget = { slug: "gpt-4o-mini", label: "", kind: "provider", provider: "openai", upstreamModel: "gpt-4o-mini", keyEnv: "OPENAI_API_KEY" };
  it("needs the provider key in self-hosted mode", () => {
    expect(connectionOf(openai, { hosted: false, demoEnabled: true, has: () => false }).connected).toBe(false);
    expect(connectionOf(openai, { hosted: false, demoEnabled: true, has: (n) => n === "OPENAI_API_KEY" }).connected).toBe(true);
  });
  it("needs a provider slug in hosted mode", () => {
    expect(hostedProviderEnvName("together-ai")).toBe("PORTKEY_PROVIDER_TOGETHER_AI");
    const c = connectionOf(openai, { hosted: true, demoEnabled: true, has: (n) => n === "PORTKEY_PROVIDER_OPENAI" });
    expect(c).toMatchObject({ connected: true, via: "hosted-portkey" });
  });
  it("demo models follow the demo switch", () => {
    const demo: ModelTarget = { slug: "demo-swift", label: "", kind: "demo", provider: "openai", upstreamModel: "demo-swift" };
    expect(connectionOf(demo, { hosted: false, demoEnabled: false, has: () => true }).connected).toBe(false);
  });
});
