import { writeFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

// /experiments/import with the demo models: upload a production log (CSV whose prompt column cannot be guessed),
// map the columns by hand, read the scan and the estimate, replay a sample of 20, watch it finish on the experiment
// page, then take 10 more cases from the same log.

const TOPICS = ["refund", "shipping", "password reset", "invoice", "account deletion", "gift card"];

function csvCell(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** 60 distinct support prompts; the header names are not ones the importer can guess a prompt column from. */
function supportLogCsv(): string {
  const lines = ["q_text,ctx,prod_answer"];
  for (let i = 0; i < 60; i++) {
    const topic = TOPICS[i % TOPICS.length]!;
    lines.push(
      [
        `Customer #${i + 1} asks about ${topic}: "what do I do next, and how long does it take?"`,
        "You are a concise, friendly support agent.",
        `For ${topic}, open Settings > Help, pick "${topic}", and follow the steps; it takes about ${(i % 5) + 1} days.`,
      ].map(csvCell).join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

interface ExperimentBody {
  experiment: {
    name: string;
    source: string;
    baseline: string;
    candidates: string[];
    judge: string | null;
    active: boolean;
    progress: { total: number; done: number; failed: number; running: number; pending: number };
    cells: { caseId: string; model: string; source: string; status: string }[] | null;
  };
}

async function getExperiment(request: APIRequestContext, id: string): Promise<ExperimentBody["experiment"]> {
  const res = await request.get(`/api/experiments/${id}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as ExperimentBody).experiment;
}

const caseCount = (e: ExperimentBody["experiment"]) => new Set((e.cells ?? []).map((c) => c.caseId)).size;

async function costShown(page: Page): Promise<number> {
  const text = (await page.getByTestId("estimate-cost").textContent()) ?? "";
  return /^\$\d/.test(text) ? Number(text.slice(1)) : Number.NaN;
}

test("upload a CSV log, map its columns, replay a sample of 20, see it finish, then add 10 more cases", async ({ page, request }, testInfo) => {
  test.setTimeout(240_000);
  const file = testInfo.outputPath("support-log.csv");
  writeFileSync(file, supportLogCsv());

  await page.goto("/experiments/import");
  await expect(page.getByRole("heading", { name: "Replay a production log" })).toBeVisible();
  await page.getByTestId("import-file").setInputFiles(file);
  await expect(page.getByTestId("import-file-name")).toHaveText("support-log.csv");

  // The prompt column cannot be guessed from "q_text": it must be chosen by hand. The answer column is guessed.
  await expect(page.getByTestId("map-prompt")).toHaveValue("");
  await expect(page.getByTestId("map-prompt-error")).toContainText("Pick the prompt column");
  await expect(page.getByTestId("map-response")).toHaveValue("prod_answer");
  await expect(page.getByTestId("csv-preview")).toContainText("Customer #1 asks about refund");
  await expect(page.getByTestId("import-scan")).toHaveCount(0);
  await page.getByTestId("map-prompt").selectOption("q_text");
  await page.getByTestId("map-system").selectOption("ctx");

  // The scan of the whole file.
  const scan = page.getByTestId("import-scan");
  await expect(page.getByTestId("scan-good")).toHaveText("60");
  await expect(page.getByTestId("scan-bad")).toHaveText("0");
  await expect(page.getByTestId("scan-duplicates")).toHaveText("0");
  await expect(page.getByTestId("scan-recorded")).toHaveText("60");
  await expect(scan).toContainText("read as CSV");
  await expect(page.getByTestId("scan-recorded-note")).toContainText("used as the baseline's answers — not bought again");
  await expect(page.getByTestId("bad-lines-choice")).toHaveCount(0);

  // Models: production answers stand for demo-premium; one candidate; the demo judge; a sample of 20.
  await page.getByTestId("baseline").selectOption("demo-premium");
  for (const box of await page.locator('[data-testid^="candidate-"]').all()) {
    if ((await box.getAttribute("data-testid")) !== "candidate-demo-swift" && (await box.isChecked())) await box.uncheck();
  }
  await page.getByTestId("candidate-demo-swift").check();
  await page.getByTestId("judge").selectOption("demo-judge");
  await page.getByTestId("sample-size").fill("20");

  // 20 cases: the baseline's 20 answers are recorded (0 calls), demo-swift answers 20, the judge grades 2 x 20.
  await expect(page.getByTestId("estimate-cases")).toHaveText("20");
  await expect(page.getByTestId("estimate-calls")).toHaveText("60");
  await expect(page.getByTestId("estimate-row-demo-premium")).toContainText("+ 20 recorded");
  await expect(page.getByTestId("estimate-row-demo-swift")).toContainText("20");
  await expect(page.getByTestId("estimate-row-judge")).toContainText("40");
  await expect.poll(() => costShown(page)).toBeGreaterThan(0);

  // A bigger sample is more calls and a higher cost; back to 20.
  const cost20 = await costShown(page);
  await page.getByTestId("sample-size").fill("30");
  await expect(page.getByTestId("estimate-calls")).toHaveText("90");
  await expect.poll(() => costShown(page)).toBeGreaterThan(cost20);
  await page.getByTestId("sample-size").fill("20");
  await expect(page.getByTestId("estimate-calls")).toHaveText("60");

  await page.getByTestId("replay-name").fill("e2e: support log replay");
  await expect(page.getByTestId("start-replay")).toBeEnabled();
  await page.getByTestId("start-replay").click();
  await expect(page).toHaveURL(/\/experiments\/(?!import$)[a-z0-9]{20,32}$/, { timeout: 30_000 });
  const id = new URL(page.url()).pathname.split("/").pop()!;

  // Progress on the experiment page (components/report/progress-bar.tsx), then completion.
  await expect(page.getByTestId("run-progress")).toBeVisible();
  await expect(page.getByTestId("run-state")).toHaveText(/^Finished/, { timeout: 120_000 });
  await expect(page.getByTestId("progress-done")).toHaveText("40"); // 20 cases x 2 models
  await expect(page.getByTestId("progress-failed")).toHaveText("0");

  const first = await getExperiment(request, id);
  expect(first).toMatchObject({ source: "import", baseline: "demo-premium", candidates: ["demo-swift"], judge: "demo-judge" });
  expect(caseCount(first)).toBe(20);
  const baselineCells = (first.cells ?? []).filter((c) => c.model === "demo-premium");
  expect(baselineCells).toHaveLength(20);
  expect(baselineCells.every((c) => c.source === "recorded")).toBe(true); // production answers, not bought again

  // 10 more cases from the same log: through the ExtendPanel when the experiment page mounts it, else the API.
  const panel = page.getByTestId("extend-panel");
  if (await panel.isVisible()) {
    testInfo.annotations.push({ type: "extend-path", description: "ExtendPanel on /experiments/[id]" });
    await page.getByTestId("extend-count").fill("10");
    await page.getByTestId("extend-button").click();
    await expect(page.getByTestId("extend-result")).toContainText("Added 10 cases, 30 left");
  } else {
    testInfo.annotations.push({ type: "extend-path", description: "POST /api/experiments/[id]/extend (ExtendPanel not mounted)" });
    const res = await request.post(`/api/experiments/${id}/extend`, { data: { count: 10 } });
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ added: 10, remaining: 30 });
  }
  await expect
    .poll(async () => {
      const e = await getExperiment(request, id);
      return { cases: caseCount(e), total: e.progress.total, done: e.progress.done, active: e.active };
    }, { timeout: 120_000 })
    .toEqual({ cases: 30, total: 60, done: 60, active: false });
});

test("a log with bad lines: they are listed with their line numbers, and the user chooses to import the good ones or nothing", async ({ page, request }, testInfo) => {
  test.setTimeout(120_000);
  const good = (i: number) => JSON.stringify({ messages: [{ role: "user", content: `Prompt number ${i}` }], response: `Answer ${i}`, model: "gpt-4o-mini" });
  const file = testInfo.outputPath("prod.jsonl");
  writeFileSync(file, [good(1), "{ not json", good(2), JSON.stringify({ nothing: true }), good(3)].join("\n"));

  await page.goto("/experiments/import");
  await page.getByTestId("import-file").setInputFiles(file);
  await expect(page.getByTestId("scan-good")).toHaveText("3");
  await expect(page.getByTestId("scan-bad")).toHaveText("2");
  const bad = page.getByTestId("scan-bad-lines");
  await expect(bad).toContainText("2 bad lines");
  await expect(bad).toContainText("Line 2:");
  await expect(bad).toContainText("Line 4:");
  await expect(page.getByTestId("scan-models")).toContainText("gpt-4o-mini");

  await page.getByTestId("baseline").selectOption("demo-premium");
  await expect(page.getByTestId("sample-mode-all")).toBeChecked(); // 3 good cases: all of them by default
  await expect(page.getByTestId("baseline-mismatch")).toContainText("gpt-4o-mini");

  // The choice is required; "import nothing" keeps Start disabled.
  await expect(page.getByTestId("start-replay")).toBeDisabled();
  await page.getByTestId("bad-choice-none").check();
  await expect(page.getByTestId("bad-choice-cancelled")).toContainText("Nothing will be imported");
  await expect(page.getByTestId("start-replay")).toBeDisabled();
  await page.getByTestId("bad-choice-good").check();
  await expect(page.getByTestId("start-replay")).toBeEnabled();
  await page.getByTestId("start-replay").click();
  await expect(page).toHaveURL(/\/experiments\/(?!import$)[a-z0-9]{20,32}$/, { timeout: 30_000 });
  const id = new URL(page.url()).pathname.split("/").pop()!;
  await expect.poll(async () => caseCount(await getExperiment(request, id)), { timeout: 30_000 }).toBe(3);
  expect((await getExperiment(request, id)).name).toBe("Replay of prod.jsonl (3 cases)");
});
