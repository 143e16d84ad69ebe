// The simulated models' upstream in the OpenAI wire format, independent of the web framework: served by the app at
// /api/demo/v1 and by the CLI on a local port, and reached through the Portkey gateway like any provider.
import { approxTokens, demoAnswer, demoJudge, demoLatency, DEMO_PROFILES } from "./simulate";

interface Msg {
  role?: string;
  content?: unknown;
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((p) => (p && typeof p === "object" && "text" in p ? String((p as { text: unknown }).text) : "")).join("");
  return "";
}

function criteriaFrom(body: Record<string, unknown>, messages: Msg[]): string[] {
  const rf = body.response_format as { json_schema?: { schema?: { properties?: { scores?: { properties?: Record<string, unknown> } } } } } | undefined;
  const keys = Object.keys(rf?.json_schema?.schema?.properties?.scores?.properties ?? {});
  if (keys.length) return keys;
  const system = textOf(messages[0]?.content);
  const listed = [...system.matchAll(/^- "([^"]+)" \(weight/gm)].map((m) => m[1]!);
  return listed.length ? listed : ["accuracy", "relevance", "clarity"];
}

export interface DemoReply {
  status: number;
  body: unknown;
  delayMs: number;
}

const error = (status: number, message: string): DemoReply => ({ status, body: { error: { message, type: "invalid_request_error", code: null } }, delayMs: 0 });

export function demoChatCompletion(body: Record<string, unknown>): DemoReply {
  const model = String(body.model ?? "");
  const messages = Array.isArray(body.messages) ? (body.messages as Msg[]) : [];
  if (!messages.length) return error(400, "messages is required");
  const promptText = messages.map((m) => textOf(m.content)).join("\n");
  const lastUser = textOf([...messages].reverse().find((m) => m.role === "user")?.content);
  let text: string;
  let finish = "stop";
  let latency: number;
  if (model === "demo-judge") {
    // The answer under evaluation is delimited in the judge prompt; score only that part.
    const judged = lastUser.match(/<<<ANSWER id=(\w+)>>>([\s\S]*?)<<<END ANSWER id=\1>>>/)?.[2] ?? lastUser;
    text = demoJudge(criteriaFrom(body, messages), judged);
    latency = 200;
  } else if (DEMO_PROFILES[model]) {
    const a = demoAnswer(model, lastUser);
    text = a.text;
    finish = a.finishReason;
    latency = demoLatency(model, lastUser);
  } else {
    return error(404, `The model '${model}' does not exist`);
  }
  const maxTokens = typeof body.max_tokens === "number" ? body.max_tokens : undefined;
  if (maxTokens !== undefined && approxTokens(text) > maxTokens) {
    text = text.slice(0, maxTokens * 4);
    finish = "length";
  }
  const promptTokens = approxTokens(promptText);
  const completionTokens = approxTokens(text);
  return {
    status: 200,
    delayMs: latency,
    body: {
      id: `chatcmpl-demo-${Date.now().toString(36)}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{ index: 0, message: { role: "assistant", content: text, refusal: null }, finish_reason: finish, logprobs: null }],
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens, prompt_tokens_details: { cached_tokens: 0 } },
    },
  };
}
