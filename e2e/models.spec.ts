import { expect, test } from "@playwright/test";

// /models: prices with their source and date, a real connection test, and a price override.

test("lists prices per 1M tokens with their source and date, and which variable a model needs", async ({ page }) => {
  await page.goto("/models");
  await expect(page.getByRole("heading", { name: "Models", exact: true })).toBeVisible();
  await expect(page.getByTestId("price-gpt-4o-mini")).toContainText("$0.15");
  await expect(page.getByTestId("price-gpt-4o-mini")).toContainText("$0.6");
  const source = page.getByTestId("price-source-gpt-4o-mini");
  await expect(source).toContainText("Portkey pricing catalog");
  await expect(source).toContainText(/\d{4}-\d{2}-\d{2}/);
  await expect(page.getByTestId("price-source-demo-swift")).toContainText("demo (simulated price)");
  // The browser tests run with a (fake) PORTKEY_API_KEY, i.e. hosted Portkey: the model then needs its provider slug.
  await expect(page.getByTestId("connection-gpt-4o-mini")).toContainText(/PORTKEY_PROVIDER_OPENAI|OPENAI_API_KEY/);
  await expect(page.getByTestId("connection-demo-swift")).toContainText("Connected");
});

test("the connection test of demo-swift makes a real call and succeeds", async ({ page }) => {
  await page.goto("/models");
  await page.getByTestId("test-connection-demo-swift").click();
  const result = page.getByTestId("connection-result-demo-swift");
  await expect(result).toHaveAttribute("data-state", "ok");
  await expect(result).toContainText(/Replied in \d[\d,]* ms/);
});

test("a price override shows as override, a bad value is rejected next to its field, and clearing restores the catalog price", async ({ page }) => {
  await page.goto("/models");
  await page.getByTestId("override-open-command-r").click();
  await page.getByTestId("override-inputPerMillion-command-r").fill("-1");
  await page.getByTestId("override-save-command-r").click();
  await expect(page.getByTestId("override-form-command-r")).toContainText("inputPerMillion must be ≥ 0");

  await page.getByTestId("override-inputPerMillion-command-r").fill("1.25");
  await page.getByTestId("override-outputPerMillion-command-r").fill("2.5");
  await page.getByTestId("override-save-command-r").click();
  await expect(page.getByTestId("override-badge-command-r")).toBeVisible();
  await expect(page.getByTestId("price-source-command-r")).toContainText("override");
  await expect(page.getByTestId("price-command-r")).toContainText("$1.25");
  await expect(page.getByTestId("price-command-r")).toContainText("$2.5");

  // Still there after a reload: it is stored.
  await page.reload();
  await expect(page.getByTestId("price-source-command-r")).toContainText("override");

  await page.getByTestId("override-clear-command-r").click();
  await expect(page.getByTestId("override-badge-command-r")).toHaveCount(0);
  await expect(page.getByTestId("price-source-command-r")).toContainText("Portkey pricing catalog");
});

test("the custom endpoint form shows the server's field messages", async ({ page }) => {
  await page.goto("/models");
  await page.getByTestId("custom-keyEnv").fill("sk-this-is-a-key");
  await page.getByTestId("custom-submit").click();
  const form = page.getByTestId("custom-model-form");
  await expect(form).toContainText("label must not be empty");
  await expect(form).toContainText("never the key itself");
});
