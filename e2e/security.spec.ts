import { expect, test } from "@playwright/test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { FAKE_SECRETS } from "./fake-secrets";
import { createDemoExperiment, createShareLink, waitForExperiment } from "./helpers";

// Secrets never reach the browser, any response, an export, the share page, the client bundle or the server log;
// every page carries the security headers.

const secrets = Object.values(FAKE_SECRETS);
const root = path.resolve(__dirname, "..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

function expectNoSecret(where: string, text: string) {
  for (const s of secrets) expect(text.includes(s), `${where} contains a secret`).toBe(false);
}

test("no secret in pages, API responses, exports, the share page, the bundle or the log", async ({ page, request, baseURL }) => {
  const id = await createDemoExperiment(request, { prompts: ["Say hi.", "Say bye."] });
  await waitForExperiment(request, id);
  const link = await createShareLink(request, id);

  for (const url of ["/", "/compare", "/models", "/experiments/new", `/experiments/${id}`, link.url]) {
    const res = await page.goto(url);
    expect(res?.ok(), url).toBe(true);
    expectNoSecret(`page ${url}`, await page.content());
  }
  for (const url of ["/api/models", "/api/experiments", `/api/experiments/${id}`, `/api/experiments/${id}/report`, `/api/experiments/${id}/export?format=csv`, `/api/experiments/${id}/export?format=json`, `/api/experiments/${id}/share`, `/api/health`]) {
    const res = await request.get(url);
    expect(res.status(), url).toBeLessThan(400);
    expectNoSecret(`response ${url}`, await res.text());
  }
  // A failing call's error must not echo a key either: a model not connected is refused before any call.
  const bad = await request.post("/api/compare", { data: { prompt: "hi", models: ["gpt-4o-mini"] } });
  expect(bad.status()).toBe(422);
  expectNoSecret("compare error", await bad.text());

  const dist = path.join(root, process.env.NEXT_DIST_DIR || ".next", "static");
  for (const f of filesUnder(dist)) expectNoSecret(`bundle ${path.relative(root, f)}`, readFileSync(f, "utf8"));
  const port = new URL(baseURL!).port;
  expectNoSecret("server log", readFileSync(path.join(root, ".tmp", `e2e-server-${port}.log`), "utf8"));
});

test("the share page never reveals the experiment id", async ({ page, request }) => {
  const id = await createDemoExperiment(request, { prompts: ["One question."] });
  await waitForExperiment(request, id);
  const link = await createShareLink(request, id);
  await page.goto(link.url);
  await expect(page.getByTestId("recommendation")).toBeVisible();
  expect(await page.content()).not.toContain(id);
  const cases = await request.get(`/api/share/${link.token}/cases?offset=0&limit=50`);
  expect(cases.ok()).toBe(true);
  expect(await cases.text()).not.toContain(id);
});

test("every page sends the security headers, with a nonce-based CSP that blocks inline script", async ({ request }) => {
  const id = await createDemoExperiment(request, { prompts: ["Headers?"] });
  const link = await createShareLink(request, id);
  for (const url of ["/", "/compare", "/models", "/experiments/new", `/experiments/${id}`, link.url, "/share/not-a-real-token"]) {
    const res = await request.get(url);
    const h = res.headers();
    const csp = h["content-security-policy"] ?? "";
    expect(csp, url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, url).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp, url).toContain("frame-ancestors 'none'");
    expect(csp, url).toContain("object-src 'none'");
    expect(h["x-content-type-options"], url).toBe("nosniff");
    expect(h["referrer-policy"], url).toBe("no-referrer");
    expect(h["x-frame-options"], url).toBe("DENY");
  }
  const api = await request.get("/api/health");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});
