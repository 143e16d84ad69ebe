import { expect, test } from "@playwright/test";
import { createDemoExperiment, waitForExperiment } from "./helpers";

// The two journeys end to end, through the pages only.

test("a product team creates an experiment with demo models, watches it run and reads the recommendation", async ({ page }) => {
  await page.goto("/experiments/new");
  await page.getByTestId("cases-text").fill(["Summarise the plot of Hamlet in one line.", "Give two tips for a job interview.", "What does HTTP 404 mean?", "Translate 'good morning' to Spanish."].join("\n"));
  await page.getByTestId("baseline").selectOption("demo-premium");
  for (const slug of ["demo-swift", "demo-balanced"]) {
    const box = page.getByTestId(`candidate-${slug}`);
    if (!(await box.isChecked())) await box.check();
  }
  await page.getByTestId("judge").selectOption("demo-judge");
  await expect(page.getByTestId("estimate-cost")).toContainText("$");
  await page.getByTestId("exp-name").fill("Journey: product team");
  await page.getByTestId("start-experiment").click();
  await expect(page).toHaveURL(/\/experiments\/[a-z0-9]{20,32}$/);
  await expect(page.getByTestId("run-progress")).toBeVisible();
  const rec = page.getByTestId("recommendation");
  await expect(rec).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId("recommended-model")).toContainText(/Switch to|Keep/);
  await expect(page.getByTestId("reasoning")).toContainText("%");
  await expect(page.getByTestId("tradeoff-table")).toContainText("Demo · Swift");
});

test("a PM opens a saved experiment from the list and filters to the cases where the recommended model lost", async ({ page, request }) => {
  const name = `Journey PM ${Date.now()}`;
  const id = await createDemoExperiment(request, {
    name,
    prompts: ["Describe a rainbow.", "How do vaccines work?", "Name a famous painter.", "Why is the sky blue?", "What is 12 x 12?", "Write a two-line poem about autumn."],
  });
  await waitForExperiment(request, id);
  await page.goto("/");
  await page.getByTestId("experiments-search").fill(name);
  await page.keyboard.press("Enter");
  const link = page.getByTestId("experiment-link").filter({ hasText: name });
  await expect(link).toHaveCount(1);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/experiments/${id}$`));
  const explorer = page.getByTestId("case-explorer");
  await expect(explorer).toBeVisible();
  const lower = explorer.getByTestId("filter-lower");
  await lower.click();
  await expect(lower).toHaveAttribute("aria-pressed", "true");
  const api = (await (await request.get(`/api/experiments/${id}/cases?filter=lower&limit=100`)).json()) as { total: number };
  await expect(explorer.getByTestId("case-list").locator(":scope > li")).toHaveCount(api.total);
});
