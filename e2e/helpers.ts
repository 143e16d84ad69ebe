import { expect, type APIRequestContext } from "@playwright/test";

// Shared setup for browser tests: experiments created through the public API, with demo models (no keys needed).

export async function createDemoExperiment(request: APIRequestContext, opts: { prompts?: string[]; name?: string; candidates?: string[] } = {}): Promise<string> {
  const res = await request.post("/api/experiments", {
    data: {
      name: opts.name ?? "E2E demo experiment",
      prompts: opts.prompts ?? ["How do I boil an egg?", "Name three prime numbers.", "What is the capital of Peru?", "Write a limerick about tea."],
      baseline: "demo-premium",
      candidates: opts.candidates ?? ["demo-swift", "demo-balanced"],
      judge: "demo-judge",
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { experiment: { id: string } }).experiment.id;
}

export async function waitForExperiment(request: APIRequestContext, id: string, timeoutMs = 45_000): Promise<void> {
  await expect
    .poll(async () => ((await (await request.get(`/api/experiments/${id}`)).json()) as { experiment: { status: string } }).experiment.status, { timeout: timeoutMs })
    .toBe("done");
}

export async function createShareLink(request: APIRequestContext, id: string): Promise<{ id: string; url: string; token: string }> {
  const res = await request.post(`/api/experiments/${id}/share`, { data: { label: "e2e" } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { link: { id: string; url: string; token: string } }).link;
}
