import { expect, test, type Page } from "@playwright/test";

// /experiments/new with the demo models: paste prompts, see what the run will take and cost, start it.

const PROMPTS = [
  "Summarise our refund policy in two sentences.",
  "Write a friendly reply to a customer whose parcel arrived damaged.",
  "Explain the difference between a savings and a checking account.",
  "Translate 'Your order has shipped' into French.",
  "List three tips for writing a clear bug report.",
];

async function costShown(page: Page): Promise<number> {
  const text = (await page.getByTestId("estimate-cost").textContent()) ?? "";
  return /^\$\d/.test(text) ? Number(text.slice(1)) : Number.NaN;
}

async function pickDemoModels(page: Page) {
  await page.getByTestId("baseline").selectOption("demo-premium");
  for (const slug of ["demo-swift", "demo-balanced"]) {
    const box = page.getByTestId(`candidate-${slug}`);
    if (!(await box.isChecked())) await box.check();
  }
  await page.getByTestId("judge").selectOption("demo-judge");
}

test("paste 5 prompts, see the calls and the estimated cost, start the run and land on the experiment", async ({ page, request }) => {
  await page.goto("/experiments/new");
  await expect(page.getByRole("heading", { name: "New experiment" })).toBeVisible();
  await page.getByTestId("cases-text").fill(PROMPTS.join("\n"));
  await expect(page.getByTestId("cases-count")).toHaveText("5");
  await pickDemoModels(page);

  // 5 cases x 3 models + one judge call per answer.
  await expect(page.getByTestId("calls-count")).toHaveText("30");
  await expect(page.getByTestId("estimate-table")).toContainText("Demo · Judge");
  await expect.poll(() => costShown(page)).toBeGreaterThan(0);
  const full = await costShown(page);

  // The estimate follows the edits: one candidate fewer is fewer calls and a lower cost.
  await page.getByTestId("candidate-demo-balanced").uncheck();
  await expect(page.getByTestId("calls-count")).toHaveText("20");
  await expect.poll(() => costShown(page)).toBeLessThan(full);
  await page.getByTestId("candidate-demo-balanced").check();
  await expect(page.getByTestId("calls-count")).toHaveText("30");

  // Live rubric validation blocks the start until the weights sum to 1 again.
  await page.getByTestId("rubric-weight-0").fill("0.5");
  await expect(page.getByTestId("rubric-error")).toContainText("Weights must sum to 1");
  await expect(page.getByTestId("start-experiment")).toBeDisabled();
  await page.getByTestId("rubric-weight-0").fill("0.4");
  await expect(page.getByTestId("rubric-sum")).toContainText("Weights sum to 1");

  await page.getByTestId("exp-name").fill("e2e: five demo prompts");
  await page.getByTestId("start-experiment").click();
  await expect(page).toHaveURL(/\/experiments\/[a-z0-9]{20,32}$/);

  const id = new URL(page.url()).pathname.split("/").pop();
  const body = await (await request.get(`/api/experiments/${id}`)).json();
  expect(body.experiment).toMatchObject({ name: "e2e: five demo prompts", baseline: "demo-premium", judge: "demo-judge" });
  expect([...body.experiment.candidates].sort()).toEqual(["demo-balanced", "demo-swift"]);
  expect(body.experiment.progress.total).toBe(15); // 5 cases x 3 models
});

test("bad JSONL lines are listed with their line numbers, and nothing can start", async ({ page }) => {
  await page.goto("/experiments/new");
  await page.getByTestId("cases-text").fill(['{"prompt": "fine"}', '{"nope": 1}', "{broken"].join("\n"));
  const bad = page.getByTestId("bad-lines");
  await expect(bad).toContainText("2 bad JSONL lines");
  await expect(bad).toContainText("Line 2");
  await expect(bad).toContainText("Line 3: not valid JSON");
  await expect(page.getByTestId("start-experiment")).toBeDisabled();
});

test("a field error from the server is shown next to its field", async ({ page }) => {
  await page.goto("/experiments/new");
  await page.getByTestId("cases-text").fill(PROMPTS.slice(0, 2).join("\n"));
  await pickDemoModels(page);
  await expect(page.getByTestId("calls-count")).toHaveText("12");
  // Send a value the form itself would not let through, to get the server's real 422 for that field.
  await page.route("**/api/experiments", async (route) => {
    const body = JSON.parse(route.request().postData() ?? "{}");
    await route.continue({ postData: JSON.stringify({ ...body, tolerances: { ...body.tolerances, qualityDropPercent: -1 } }) });
  });
  await page.getByTestId("start-experiment").click();
  await expect(page.getByTestId("error-setting-qualityDropPercent")).toContainText("qualityDropPercent must be ≥ 0");
  await expect(page.getByTestId("submit-error")).toBeVisible();
  await expect(page).toHaveURL(/\/experiments\/new$/);
});
