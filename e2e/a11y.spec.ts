import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { createDemoExperiment, createShareLink, waitForExperiment } from "./helpers";

// axe-core on every main page, light and dark: no serious or critical violations.

for (const scheme of ["light", "dark"] as const) {
  test(`no serious or critical accessibility violations (${scheme})`, async ({ page, request }) => {
    const id = await createDemoExperiment(request, { prompts: ["Explain recursion briefly.", "List two fruits."] });
    await waitForExperiment(request, id);
    const link = await createShareLink(request, id);
    await page.emulateMedia({ colorScheme: scheme });
    for (const url of ["/", "/compare", "/experiments/new", `/experiments/${id}`, link.url, "/models"]) {
      await page.goto(url);
      await page.waitForLoadState("networkidle");
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(bad.map((v) => `${url}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`)).toEqual([]);
    }
  });
}
