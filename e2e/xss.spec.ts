import { expect, test, type Page } from "@playwright/test";
import { E2E } from "../playwright.config";

// Model output (and prompts, and names) are untrusted: an HTML payload and a javascript: link must render as inert text
// on every page that shows them. Any dialog fails the test.

const IMG = "<img src=x onerror=alert(1)>";
const LINK = "[click](javascript:alert(1))";

/** Records (and dismisses) every dialog; the test asserts none fired. */
function watchDialogs(page: Page): string[] {
  const fired: string[] = [];
  page.on("dialog", (d) => {
    fired.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return fired;
}

async function expectInert(page: Page) {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  await expect(page.locator("[onerror]")).toHaveCount(0);
}

test.describe.serial("untrusted output stays inert", () => {
  let experimentId = "";

  test.beforeAll(async ({ request }) => {
    for (const [slug, answer] of [["xss-img", IMG], ["xss-link", LINK]] as const) {
      const res = await request.post("/api/models", {
        data: { slug, label: slug, baseUrl: `${E2E.STUB_URL}/v1`, upstreamModel: `stub:answer=${encodeURIComponent(answer)}`, keyEnv: null },
      });
      expect([201, 409]).toContain(res.status());
    }
  });

  test("on /compare", async ({ page }) => {
    const dialogs = watchDialogs(page);
    await page.goto("/compare");
    for (const slug of ["demo-swift", "demo-balanced", "demo-premium"]) {
      const box = page.getByTestId(`pick-${slug}`);
      if (await box.isChecked()) await box.uncheck();
    }
    await page.getByTestId("pick-xss-img").check();
    await page.getByTestId("pick-xss-link").check();
    await page.getByTestId("prompt").fill("Say something.");
    await page.getByTestId("run-compare").click();
    await expect(page.getByTestId("answer-xss-img")).toHaveAttribute("data-status", "done");
    await expect(page.getByTestId("answer-xss-link")).toHaveAttribute("data-status", "done");
    await expect(page.getByTestId("answer-xss-link").getByTestId("answer-text")).toContainText("click");
    await expectInert(page);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });

  test("on /experiments/[id] (answers, prompt and name)", async ({ page, request }) => {
    const dialogs = watchDialogs(page);
    const res = await request.post("/api/experiments", {
      data: { name: IMG, prompts: ["<script>alert(1)</script> hello", `${IMG} and ${LINK}`], baseline: "xss-img", candidates: ["xss-link"], judge: null },
    });
    expect(res.status()).toBe(201);
    const { experiment } = (await res.json()) as { experiment: { id: string } };
    experimentId = experiment.id;
    await expect
      .poll(async () => ((await (await request.get(`/api/experiments/${experiment.id}`)).json()) as { experiment: { status: string } }).experiment.status, { timeout: 30_000 })
      .toBe("done");
    // The payloads really are stored as the answers (so the page below is tested against them).
    const cases = (await (await request.get(`/api/experiments/${experiment.id}/cases`)).json()) as { cases: { cells: { model: string; content: string }[] }[] };
    expect(cases.cases[0]?.cells.map((c) => c.content)).toEqual([IMG, LINK]);

    await page.goto(`/experiments/${experiment.id}`);
    await expect(page.getByTestId("experiment-name")).toHaveText(IMG);
    const explorer = page.getByTestId("case-explorer");
    await expect(explorer.getByTestId("case-list").locator(":scope > li")).toHaveCount(2);
    await expect(explorer.getByTestId("case-0").getByTestId("case-prompt")).toHaveText("<script>alert(1)</script> hello");
    await expect(explorer.getByTestId("case-0").getByTestId("cell-xss-link").getByTestId("cell-text")).toContainText("click");
    await expect(explorer.getByTestId("case-0").getByTestId("cell-xss-img")).toHaveAttribute("data-status", "done");
    await expectInert(page);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });

  test("on /share/[token]", async ({ page, request }) => {
    const dialogs = watchDialogs(page);
    const res = await request.post(`/api/experiments/${experimentId}/share`, { data: { label: "xss" } });
    expect(res.status()).toBe(201);
    const { link } = (await res.json()) as { link: { token: string } };
    await page.goto(`/share/${link.token}`);
    await expect(page.getByTestId("experiment-name")).toHaveText(IMG);
    const explorer = page.getByTestId("case-explorer");
    await expect(explorer.getByTestId("case-list").locator(":scope > li")).toHaveCount(2);
    await expect(explorer.getByTestId("case-1").getByTestId("case-prompt")).toHaveText(`${IMG} and ${LINK}`);
    await expect(explorer.getByTestId("case-0").getByTestId("cell-xss-link").getByTestId("cell-text")).toContainText("click");
    await expectInert(page);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });
});
