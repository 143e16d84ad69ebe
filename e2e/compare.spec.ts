import { expect, test } from "@playwright/test";

// A new user with no provider keys: type a prompt, pick three demo models, see three stored answers.

test("compare one prompt across three demo models and see the stored answers", async ({ page, request }) => {
  await page.goto("/compare");
  await expect(page.getByRole("heading", { name: "Compare models on one prompt" })).toBeVisible();
  await page.getByTestId("prompt").fill("Explain what a hash map is in two sentences.");
  for (const slug of ["demo-swift", "demo-balanced", "demo-premium"]) {
    const box = page.getByTestId(`pick-${slug}`);
    if (!(await box.isChecked())) await box.check();
  }
  await page.getByTestId("run-compare").click();

  for (const slug of ["demo-swift", "demo-balanced", "demo-premium"]) {
    const card = page.getByTestId(`answer-${slug}`);
    await expect(card).toHaveAttribute("data-status", "done");
    await expect(card.getByTestId("answer-text")).toContainText("hash map");
    await expect(card).toContainText("simulated");
  }
  await expect(page.getByTestId("recommendation")).toBeVisible();

  // Stored: the experiment link points at a saved experiment whose three responses are in the database.
  const href = await page.getByTestId("stored-note").getByRole("link").getAttribute("href");
  const id = href?.split("/").pop();
  expect(id).toBeTruthy();
  const res = await request.get(`/api/experiments/${id}`);
  expect(res.ok()).toBe(true);
  const body = await res.json();
  const done = body.experiment.cells.filter((c: { status: string }) => c.status === "done");
  expect(done.map((c: { model: string }) => c.model).sort()).toEqual(["demo-balanced", "demo-premium", "demo-swift"]);
});
