import { expect, test } from "@playwright/test";
import { createDemoExperiment, waitForExperiment } from "./helpers";

// A stakeholder opens a shared report: the recommendation and the evidence, nothing editable; once revoked, gone.

test("a share link shows a read-only report, and is gone once revoked", async ({ page, request, browser }) => {
  const id = await createDemoExperiment(request, { name: "Shared with the board" });
  await waitForExperiment(request, id);

  // The product team creates the link from the experiment page.
  await page.goto(`/experiments/${id}`);
  const panel = page.getByTestId("share-panel");
  await expect(panel).toBeVisible();
  await panel.getByTestId("share-label").fill("Board review");
  await panel.getByTestId("share-create").click();
  const url = await panel.getByTestId("share-url").inputValue();
  expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);

  // The stakeholder, in a fresh browser context (no cookies, nothing shared with the team's session).
  const stakeholder = await browser.newContext();
  const view = await stakeholder.newPage();
  const res = await view.goto(url);
  expect(res?.status()).toBe(200);
  await expect(view.getByTestId("recommendation")).toBeVisible();
  await expect(view.getByTestId("tradeoff-table")).toBeVisible();
  await expect(view.getByTestId("case-explorer")).toBeVisible();
  for (const testId of ["run-button", "cancel-button", "retry-button", "share-panel", "export-csv", "export-json"]) {
    await expect(view.getByTestId(testId)).toHaveCount(0);
  }
  await expect(view.getByRole("button", { name: /run|cancel|retry|share|revoke|delete|save/i })).toHaveCount(0);
  await expect(view.locator("meta[name=robots]")).toHaveAttribute("content", /noindex/);
  expect(await view.content()).not.toContain(`/experiments/${id}`);

  // Revoke from the experiment page; the link then shows a plain "not found".
  await panel.getByTestId("share-revoke").first().click();
  await panel.getByTestId("share-revoke-confirm").click();
  await expect(panel.getByTestId("share-state").first()).toContainText(/revoked/i);
  const gone = await view.goto(url);
  expect(gone?.status()).toBe(404);
  await expect(view.getByText(/not found/i).first()).toBeVisible();
  await expect(view.getByTestId("recommendation")).toHaveCount(0);
  await stakeholder.close();
});

test("a made-up or malformed token is a plain not found", async ({ page }) => {
  for (const token of ["AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "short", "..%2F..%2Fetc%2Fpasswd"]) {
    const res = await page.goto(`/share/${token}`);
    expect(res?.status(), token).toBe(404);
    await expect(page.getByText(/not found/i).first()).toBeVisible();
  }
});
