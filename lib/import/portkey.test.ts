import { describe, expect, it } from "vitest";
import { detectFormat } from "./detect";
import { badOf, casesOf, chunked, collect, jsonl } from "./test-helpers";

// Lines written from the documented export fields (portkey.ai/docs/product/observability/logs-export and the
// create-a-log-export API's requested_data list); bodies are what Portkey logs for the request and response.
const openaiLog = {
  id: "9f1c2f4e-2d6e-4a51-9a43-0a1f1ad1b001",
  trace_id: "tradeoff-abc",
  created_at: "2025-03-04T10:11:12.000Z",
  request: {
    model: "gpt-4o-mini",
    messages: [
      { role: "system", content: "You are a support bot." },
      { role: "user", content: "How do I reset my password?" },
    ],
    temperature: 0.2,
  },
  response: {
    id: "chatcmpl-1",
    object: "chat.completion",
    model: "gpt-4o-mini-2024-07-18",
    choices: [{ index: 0, message: { role: "assistant", content: "Open Settings > Security." }, finish_reason: "stop" }],
    usage: { prompt_tokens: 25, completion_tokens: 7, total_tokens: 32, prompt_tokens_details: { cached_tokens: 0 } },
  },
  is_success: 1,
  ai_org: "openai",
  ai_model: "gpt-4o-mini",
  req_units: 25,
  res_units: 7,
  total_units: 32,
  request_url: "https://api.openai.com/v1/chat/completions",
  cost: 0.00079,
  cost_currency: "USD",
  response_time: 842,
  response_status_code: 200,
  mode: "SINGLE",
  config: "pc-support-1",
  prompt_slug: null,
  metadata: { _user: "u-42", env: "prod" },
};

const anthropicLog = {
  created_at: "2025-03-04T10:12:00.000Z",
  // Older exports and some tools store the bodies as JSON strings.
  "request.body": JSON.stringify({
    model: "claude-3-5-sonnet-20240620",
    system: "Answer in French.",
    messages: [{ role: "user", content: [{ type: "text", text: "Hello" }] }],
    max_tokens: 100,
  }),
  "response.body": JSON.stringify({
    type: "message",
    content: [{ type: "text", text: "Bonjour" }],
    usage: { input_tokens: 12, output_tokens: 3 },
  }),
  ai_org: "anthropic",
  ai_model: "claude-3-5-sonnet-20240620",
  response_time: "1210",
  is_success: "1",
};

const failedLog = {
  request: { body: { model: "gpt-4o", messages: [{ role: "user", content: "Write a poem" }] } },
  response: { status: 429, body: { error: { message: "Rate limit reached" } }, response_time: 95 },
  ai_model: "gpt-4o",
  is_success: 0,
};

describe("readCases portkey", () => {
  it("maps the documented export fields", async () => {
    const events = await collect(jsonl(openaiLog, anthropicLog, failedLog), { format: "portkey" });
    expect(badOf(events)).toEqual([]);
    const [a, b, c] = casesOf(events);
    expect(a).toEqual({
      messages: [
        { role: "system", content: "You are a support bot." },
        { role: "user", content: "How do I reset my password?" },
      ],
      response: "Open Settings > Security.",
      model: "gpt-4o-mini",
      usage: { promptTokens: 25, completionTokens: 7, cachedTokens: 0 },
      latencyMs: 842,
      metadata: {
        id: openaiLog.id,
        traceId: "tradeoff-abc",
        createdAt: "2025-03-04T10:11:12.000Z",
        provider: "openai",
        costCents: 0.00079,
        costCurrency: "USD",
        statusCode: 200,
        success: true,
        requestUrl: "https://api.openai.com/v1/chat/completions",
        config: "pc-support-1",
        mode: "SINGLE",
        custom: { _user: "u-42", env: "prod" },
      },
    });
    expect(b).toMatchObject({
      messages: [{ role: "system", content: "Answer in French." }, { role: "user", content: "Hello" }],
      response: "Bonjour",
      model: "claude-3-5-sonnet-20240620",
      usage: { promptTokens: 12, completionTokens: 3, cachedTokens: 0 },
      latencyMs: 1210,
    });
    // A failed call keeps its prompt but has no recorded answer.
    expect(c).toMatchObject({ response: null, model: "gpt-4o", latencyMs: 95, metadata: { statusCode: 429, success: false } });
  });

  it("falls back to req_units/res_units and reads the in-app export's display names", async () => {
    const line = jsonl({ Request: { prompt: "Complete: 1, 2, 3," }, Response: { choices: [{ text: " 4" }] }, "AI Model": "gpt-3.5-turbo-instruct", "Request Tokens": 6, "Response Tokens": 2, "Response Time": 300 });
    expect(detectFormat(line, "export.jsonl")).toBe("portkey");
    const [c] = casesOf(await collect(line, { format: "auto" }));
    expect(c).toMatchObject({
      messages: [{ role: "user", content: "Complete: 1, 2, 3," }],
      response: " 4",
      model: "gpt-3.5-turbo-instruct",
      usage: { promptTokens: 6, completionTokens: 2, cachedTokens: 0 },
      latencyMs: 300,
    });
  });

  it("reports logs that are not chat requests, and unknown shapes, as bad lines", async () => {
    const lines = [
      jsonl(openaiLog),
      jsonl({ messages: [{ role: "user", content: "not a portkey log" }] }),
      jsonl({ request: { model: "text-embedding-3-small", input: 42 }, request_url: "https://api.openai.com/v1/embeddings" }),
      jsonl({ request: { model: "text-embedding-3-small" }, request_url: "https://api.openai.com/v1/embeddings" }),
      jsonl({ request: "{broken", ai_model: "x" }),
      '{"request": {"messages": [',
    ];
    const bad = badOf(await collect(lines.join("\n"), { format: "portkey" }));
    expect(bad.map((b) => b.reason)).toEqual([
      "line 2: not a Portkey log: needs request (the request body); found messages",
      "line 3: input must be text, not a number",
      "line 4: request body has no messages or prompt (request_url https://api.openai.com/v1/embeddings)",
      expect.stringMatching(/^line 5: request is not valid JSON \(.+\)$/),
      expect.stringMatching(/^line 6: not valid JSON \(.+\)$/),
    ]);
  });

  it("reads an export delivered as CSV or as a JSON array", async () => {
    const esc = (v: unknown) => `"${(typeof v === "string" ? v : JSON.stringify(v)).replace(/"/g, '""')}"`;
    const header = "id,created_at,request,response,ai_model,req_units,res_units,response_time,response_status_code";
    const row = [openaiLog.id, openaiLog.created_at, openaiLog.request, openaiLog.response, "gpt-4o-mini", 25, 7, 842, 200].map(esc).join(",");
    const csv = `${header}\n${row}\n${row}\n`;
    expect(detectFormat(csv, "export.csv")).toBe("portkey");
    const fromCsv = await collect(chunked(csv, 100), { format: "auto", fileName: "export.csv" });
    expect(fromCsv.map((e) => [e.type, e.line])).toEqual([["case", 2], ["case", 3]]);
    expect(casesOf(fromCsv)[0]).toMatchObject({ response: "Open Settings > Security.", latencyMs: 842, usage: { promptTokens: 25 } });

    const arr = JSON.stringify([openaiLog, failedLog]);
    expect(detectFormat(arr)).toBe("portkey");
    expect(casesOf(await collect(arr, { format: "auto" }))).toHaveLength(2);
  });
});
