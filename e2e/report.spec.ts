import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { parse } from "csv-parse/sync";

// The experiment report: live progress, the recommendation, a sortable trade-off table, the chart and the per-case
// explorer — on three demo models judged by the demo judge (deterministic, no keys).

const PROMPTS = [
  "Explain what a hash map is.",
  "How do I reset my password?",
  "Summarise the refund policy in two sentences.",
  "Write a haiku about latency.",
  "What is the capital of Australia?",
  "List three ways to speed up a slow web page.",
];

async function createExperiment(request: APIRequestContext, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await request.post("/api/experiments", {
    data: {
      name: "E2E report",
      prompts: PROMPTS,
      baseline: "demo-premium",
      candidates: ["demo-swift", "demo-balanced"],
      judge: "demo-judge",
      // demo-balanced loses ~5% quality against demo-premium: a 10% tolerance makes it the recommended switch.
      tolerances: { qualityDropPercent: 10 },
      ...extra,
    },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { experiment: { id: string } }).experiment.id;
}

async function waitUntilFinished(request: APIRequestContext, id: string): Promise<void> {
  await expect
    .poll(async () => ((await (await request.get(`/api/experiments/${id}`)).json()) as { experiment: { status: string } }).experiment.status, { timeout: 45_000 })
    .toBe("done");
}

const firstRowModel = (page: Page) => page.getByTestId("tradeoff-table").locator("tbody tr").first().getAttribute("data-model");

test.describe.serial("experiment report", () => {
  let id = "";

  test("shows progress, then the recommendation, table and chart", async ({ page, request }) => {
    id = await createExperiment(request);
    await page.goto(`/experiments/${id}`);
    await expect(page.getByTestId("experiment-name")).toHaveText("E2E report");
    await expect(page.getByTestId("run-progress")).toBeVisible();
    await expect(page.getByTestId("progress-done")).toHaveText("18", { timeout: 45_000 });
    await expect(page.getByTestId("progress-remaining")).toHaveText("0");

    const card = page.getByTestId("recommendation");
    await expect(card).toBeVisible({ timeout: 15_000 });
    await expect(card.getByTestId("recommended-model")).toContainText("Switch to Demo · Balanced");
    await expect(card.getByTestId("reasoning")).toContainText("reduces cost by");
    await expect(card).toContainText("95% CI");

    const table = page.getByTestId("tradeoff-table");
    await expect(table.locator("tbody tr")).toHaveCount(3);
    await expect(table.getByTestId("row-demo-balanced").getByTestId("verdict")).toHaveText("recommended");

    const canvas = page.getByTestId("cost-quality-canvas");
    await expect(canvas).toBeVisible();
    await expect(canvas).toHaveAttribute("aria-label", /Cost versus quality for 3 models/);
    await expect(page.getByTestId("cost-quality-chart").locator("table.sr-only tbody tr")).toHaveCount(3);
  });

  test("the trade-off table sorts by clicking (and with the keyboard)", async ({ page, request }) => {
    await waitUntilFinished(request, id);
    await page.goto(`/experiments/${id}`);
    const costHeader = page.getByRole("columnheader", { name: /Cost \/ case/ });
    await expect(costHeader).toHaveAttribute("aria-sort", "none");

    await page.getByTestId("sort-cost_mean").click();
    await expect(costHeader).toHaveAttribute("aria-sort", "ascending");
    expect(await firstRowModel(page)).toBe("demo-swift");

    await page.getByTestId("sort-cost_mean").click();
    await expect(costHeader).toHaveAttribute("aria-sort", "descending");
    expect(await firstRowModel(page)).toBe("demo-premium");

    await page.getByTestId("sort-quality").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("columnheader", { name: /^Quality/ }).first()).toHaveAttribute("aria-sort", "descending");
    await expect(costHeader).toHaveAttribute("aria-sort", "none");
    expect(await firstRowModel(page)).toBe("demo-premium");
    await page.keyboard.press("Space");
    expect(await firstRowModel(page)).toBe("demo-swift");
  });

  test("the explorer filters the cases the recommended model lost", async ({ page, request }) => {
    await waitUntilFinished(request, id);
    const api = (await (await request.get(`/api/experiments/${id}/cases?filter=lower&limit=100`)).json()) as {
      total: number;
      target: string;
      cases: { idx: number; cells: { model: string; judge: { quality: number } | null }[] }[];
    };
    expect(api.target).toBe("demo-balanced");
    expect(api.total).toBeGreaterThan(0);
    expect(api.total).toBeLessThan(PROMPTS.length);
    for (const c of api.cases) {
      const q = (m: string) => c.cells.find((x) => x.model === m)?.judge?.quality ?? NaN;
      expect(q("demo-balanced")).toBeLessThan(q("demo-premium"));
    }

    await page.goto(`/experiments/${id}`);
    const explorer = page.getByTestId("case-explorer");
    await expect(explorer.getByTestId("case-count")).toContainText(`of ${PROMPTS.length} cases`);
    await expect(explorer.getByTestId("case-list").locator(":scope > li")).toHaveCount(PROMPTS.length);

    const lower = explorer.getByTestId("filter-lower");
    await expect(lower).toContainText("Recommended model scored lower than baseline");
    await lower.click();
    await expect(lower).toHaveAttribute("aria-pressed", "true");
    await expect(explorer.getByTestId("case-count")).toContainText(`of ${api.total} case`);
    const shown = explorer.getByTestId("case-list").locator(":scope > li");
    await expect(shown).toHaveCount(api.total);
    const ids = await shown.evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
    expect(ids).toEqual(api.cases.map((c) => `case-${c.idx}`));
    // Each shown case: the baseline's answer first, and the recommended model's score marked below it.
    for (const li of await shown.all()) {
      await expect(li.locator("article").first()).toHaveAttribute("data-testid", "cell-demo-premium");
      await expect(li.getByTestId("cell-demo-balanced").getByTestId("cell-quality")).toContainText("−");
      await expect(li.getByTestId("cell-demo-balanced").getByTestId("judge-rationale")).toBeVisible();
    }

    await explorer.getByTestId("filter-all").click();
    await explorer.getByTestId("case-search").fill("haiku");
    await expect(explorer.getByTestId("case-count")).toContainText("of 1 case");
    await expect(explorer.getByTestId("case-list")).toContainText("Write a haiku about latency.");
  });

  test("exports CSV (one row per cell) and JSON; rejects other formats", async ({ request }) => {
    await waitUntilFinished(request, id);
    const csv = await request.get(`/api/experiments/${id}/export?format=csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(csv.headers()["content-disposition"]).toContain('filename="e2e-report.csv"');
    const text = await csv.text();
    expect(text).toMatch(/^case_idx,prompt,model,role,source,status,content,/);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(PROMPTS.length * 3);
    expect(rows[0]).toMatchObject({ case_idx: "0", prompt: PROMPTS[0], model: "demo-premium", role: "baseline", status: "done" });
    expect(Number(rows[0]!.score_accuracy)).toBeGreaterThan(0);
    expect(rows.filter((r) => r.model === "demo-balanced")).toHaveLength(PROMPTS.length);
    expect(text).not.toMatch(/api[_-]?key|authorization|bearer/i);

    const json = await request.get(`/api/experiments/${id}/export?format=json`);
    expect(json.status()).toBe(200);
    const body = (await json.json()) as { experiment: { id: string }; report: { recommended_model: string }; cells: { caseIdx: number; model: string }[] };
    expect(body.experiment.id).toBe(id);
    expect(body.report.recommended_model).toBe("demo-balanced");
    expect(body.cells).toHaveLength(PROMPTS.length * 3);
    expect(body.cells[0]).toMatchObject({ caseIdx: 0, model: "demo-premium" });

    const bad = await request.get(`/api/experiments/${id}/export?format=xml`);
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("bad_request");
  });

  test("has no serious accessibility violations, light and dark", async ({ page, request }) => {
    await waitUntilFinished(request, id);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(`/experiments/${id}`);
      await expect(page.getByTestId("cost-quality-canvas")).toBeVisible();
      await expect(page.getByTestId("case-list").locator(":scope > li")).toHaveCount(PROMPTS.length);
      const { violations } = await new AxeBuilder({ page }).include("main").analyze();
      const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`), colorScheme).toEqual([]);
    }
  });

  test("the cases API pages and validates its query", async ({ request }) => {
    const page2 = (await (await request.get(`/api/experiments/${id}/cases?offset=4&limit=2`)).json()) as { total: number; cases: { idx: number }[] };
    expect(page2.total).toBe(PROMPTS.length);
    expect(page2.cases.map((c) => c.idx)).toEqual([4, 5]);
    expect((await request.get(`/api/experiments/${id}/cases?limit=101`)).status()).toBe(422);
    expect((await request.get(`/api/experiments/${id}/cases?filter=nope`)).status()).toBe(422);
    expect((await request.get(`/api/share/not-a-real-token/cases`)).status()).toBe(404);
  });
});

test("an unknown experiment shows a not-found page", async ({ page }) => {
  // (The status is 200: loading.tsx starts streaming before the lookup; Next marks the page noindex.)
  await page.goto("/experiments/doesnotexist00000000000000");
  await expect(page.getByRole("heading", { name: "Experiment not found" })).toBeVisible();
});

test("an experiment without a judge explains that quality is not graded", async ({ page, request }) => {
  const id = await createExperiment(request, { judge: null, prompts: PROMPTS.slice(0, 2), name: "No judge" });
  await waitUntilFinished(request, id);
  await page.goto(`/experiments/${id}`);
  await expect(page.getByTestId("recommendation")).toContainText("Quality not graded");
  await expect(page.getByTestId("cost-quality-chart")).toContainText("Quality not graded");
  await expect(page.getByTestId("tradeoff-table")).toContainText("not graded");
  await expect(page.getByTestId("filter-lower")).toHaveCount(0);
});

test("a share link opens the report read-only, without the experiment's id", async ({ page, request }) => {
  const id = await createExperiment(request, { prompts: PROMPTS.slice(0, 3), name: "Shared E2E" });
  await waitUntilFinished(request, id);
  const res = await request.post(`/api/experiments/${id}/share`, { data: { label: "stakeholders" } });
  expect(res.status()).toBe(201);
  const { link } = (await res.json()) as { link: { token: string } };

  const response = await page.goto(`/share/${link.token}`);
  const html = (await response?.text()) ?? "";
  expect(html).not.toContain(id);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.getByTestId("experiment-name")).toHaveText("Shared E2E");
  await expect(page.getByText("Shared report · read-only")).toBeVisible();
  await expect(page.getByTestId("recommendation")).toBeVisible();
  await expect(page.getByTestId("tradeoff-table")).toBeVisible();
  for (const control of ["run-button", "cancel-button", "retry-button", "export-csv", "export-json"]) await expect(page.getByTestId(control)).toHaveCount(0);
  await expect(page.locator("#share-panel")).toHaveCount(0);
  await expect(page.locator('a[href*="/experiments/"]')).toHaveCount(0);

  const explorer = page.getByTestId("case-explorer");
  await expect(explorer.getByTestId("case-list").locator(":scope > li")).toHaveCount(3);
  await explorer.getByTestId("filter-lower").click();
  await expect(explorer.getByTestId("filter-lower")).toHaveAttribute("aria-pressed", "true");
  const api = await request.get(`/api/share/${link.token}/cases?filter=lower`);
  const body = await api.text();
  expect(body).not.toContain(id);
  await expect(explorer.getByTestId("case-count")).toContainText(`of ${(JSON.parse(body) as { total: number }).total} case`);

  await page.goto("/share/not-a-real-token");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
