import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";
import { FAKE_SECRETS } from "./e2e/fake-secrets";

// Browser tests against the production build, the real Portkey gateway and our stub upstream.
// Chromium: Debian's /usr/bin/chromium by default (Playwright cannot download its own here);
// set PLAYWRIGHT_CHROMIUM_PATH to use another, or unset it where Playwright's own browser is installed.

const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
const GATEWAY_PORT = Number(process.env.E2E_GATEWAY_PORT ?? 8788);
const STUB_PORT = Number(process.env.E2E_STUB_PORT ?? 8791);
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: process.env.E2E_JSON ?? ".tmp/playwright.json" }]],
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          ...(chromiumPath ? { executablePath: chromiumPath } : {}),
          args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        },
      },
    },
  ],
  webServer: [
    {
      command: `npx tsx e2e/stub/server.ts --port ${STUB_PORT}`,
      url: `http://127.0.0.1:${STUB_PORT}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node node_modules/@portkey-ai/gateway/build/start-server.js --port=${GATEWAY_PORT} --headless`,
      url: `http://127.0.0.1:${GATEWAY_PORT}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: "node scripts/e2e-server.mjs",
      url: `http://127.0.0.1:${APP_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        ...(process.env as Record<string, string>),
        ...FAKE_SECRETS,
        PORT: String(APP_PORT),
        PORTKEY_GATEWAY_URL: `http://127.0.0.1:${GATEWAY_PORT}/v1`,
        TRADEOFF_DEMO_UPSTREAM: `http://127.0.0.1:${APP_PORT}/api/demo/v1`,
        TRADEOFF_REQUEST_TIMEOUT_MS: "5000",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  ],
});

export const E2E = { APP_PORT, GATEWAY_PORT, STUB_PORT, STUB_URL: `http://127.0.0.1:${STUB_PORT}` };
