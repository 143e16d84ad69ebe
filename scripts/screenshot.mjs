// Screenshots of pages for the README and for looking at the UI: node scripts/screenshot.mjs <url> <out.png> [prompt]
import { chromium } from "@playwright/test";
import { existsSync } from "node:fs";

const [url = "http://127.0.0.1:3000/compare", out = "docs/compare.png", prompt] = process.argv.slice(2);
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme: process.env.DARK ? "dark" : "light" });
await page.goto(url);
if (prompt) {
  await page.getByTestId("prompt").fill(prompt);
  await page.getByTestId("run-compare").click();
  await page.getByTestId("recommendation").waitFor({ timeout: 30_000 });
}
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`wrote ${out}`);
