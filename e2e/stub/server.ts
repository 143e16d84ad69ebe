/**
 * Stub LLM upstream speaking OpenAI chat-completions and Anthropic messages wire formats.
 * Sits behind the real Portkey gateway (custom_host = <stub url>/v1). Behaviour is driven
 * by directives in the model name and in prompt text — see README.md in this folder.
 *
 *   npx tsx e2e/stub/server.ts --port 8790     (or env STUB_PORT; STUB_LOG_FILE=<path> for JSONL)
 */
import http from "node:http";
import { anthropicBody, anthropicErrorBody, anthropicStreamFrames } from "./anthropic";
import { buildCompletion, MALFORMED_BODY, planRequest, type Completion, type Outcome, type Plan } from "./behaviour";
import {
  findCaseTag,
  mergeDirectives,
  modelDirectives,
  promptDirectives,
  resolveDirectives,
  type RawDirectives,
} from "./directives";
import type { ResponseMeta } from "./format-common";
import { nowMs, randomId, sha256 } from "./hash";
import { RequestLog, type LogEntry } from "./log";
import { openaiBody, openaiErrorBody, openaiStreamFrames } from "./openai";
import { lastUserText, parseRequest, type Provider } from "./request";

export type { LogEntry } from "./log";

export interface StubOptions {
  /** 0 (default) = random free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** JSONL log file; defaults to env STUB_LOG_FILE. */
  logFile?: string;
  /** In-memory log cap (oldest dropped). Default 50,000. */
  maxLogEntries?: number;
}

export interface StubHandle {
  url: string;
  port: number;
  close(): Promise<void>;
  log(): LogEntry[];
  clear(): void;
}

const MAX_BODY_BYTES = 50 * 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge("request body too large"));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, done?: () => void): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text, done);
}

function errorBody(provider: Provider, status: number, message: string): unknown {
  return provider === "openai" ? openaiErrorBody(status, message) : anthropicErrorBody(status, message);
}

function idHeader(provider: Provider, id: string): Record<string, string> {
  return provider === "openai" ? { "x-request-id": id } : { "request-id": id };
}

/** Resolves true after `ms`, or false as soon as the response closes (client gone / server closing). */
function waitOrClose(res: http.ServerResponse, ms: number): Promise<boolean> {
  if (res.destroyed || res.writableEnded) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off("close", onClose);
      resolve(true);
    }, ms);
    res.once("close", onClose);
  });
}

function plannedStatus(plan: Plan): number {
  switch (plan.kind) {
    case "error":
      return plan.status;
    case "hang":
    case "reset":
      return 0;
    default:
      return 200;
  }
}

function plannedOutcome(plan: Plan, completion: Completion | undefined): Outcome {
  if (plan.kind === "answer") return completion?.outcome ?? "ok";
  return plan.kind;
}

function createHandler(log: RequestLog) {
  async function handleLlm(req: http.IncomingMessage, res: http.ServerResponse, provider: Provider, path: string) {
    const startedAt = nowMs();
    const raw = await readBody(req);
    const bodyHash = sha256(raw);
    const auth = Boolean(req.headers.authorization || req.headers["x-api-key"]);
    const id = randomId(provider === "openai" ? "chatcmpl-" : "msg_");

    let parsedBody: unknown;
    let parseError: string | undefined;
    try {
      parsedBody = JSON.parse(raw);
    } catch {
      parseError = "We could not parse the JSON body of your request.";
    }
    const parsed = parseError === undefined ? parseRequest(provider, parsedBody) : undefined;
    if (!parsed || !parsed.ok) {
      const message = parsed && !parsed.ok ? parsed.message : (parseError ?? "invalid request");
      const entry = log.add({
        id, path, provider, model: "", directives: {}, key: bodyHash, attempt: 1, startedAt, endedAt: null,
        status: 400, outcome: "error", promptPreview: "", caseTag: null, stream: false, judge: false, auth,
        aborted: false, fault: null,
      });
      sendJson(res, 400, errorBody(provider, 400, message), idHeader(provider, id), () => log.finish(entry, {}));
      return;
    }

    const r = parsed.req;
    const texts = r.messages.map((m) => m.text);
    const rawDirectives: RawDirectives = mergeDirectives(modelDirectives(r.model), promptDirectives(texts));
    const d = resolveDirectives(rawDirectives);
    const attempt = log.nextAttempt(r.key);
    const { plan, delayMs, fault } = planRequest(d, attempt, bodyHash, auth);
    const completion = plan.kind === "answer" ? buildCompletion(r, d, attempt) : undefined;

    const entry = log.add({
      id,
      path,
      provider,
      model: r.model,
      directives: rawDirectives,
      key: r.key,
      attempt,
      startedAt,
      endedAt: null,
      status: plannedStatus(plan),
      outcome: plannedOutcome(plan, completion),
      promptPreview: lastUserText(r.messages).replace(/\s+/g, " ").trim().slice(0, 80),
      caseTag: findCaseTag(texts),
      stream: r.stream,
      judge: d.judge,
      auth,
      aborted: false,
      fault: fault ?? null,
    });

    // Client disconnected / server closing before we finished answering.
    res.on("close", () => {
      if (!res.writableFinished) log.finish(entry, { aborted: true, status: 0 });
    });

    if (plan.kind === "hang") return; // never answer; the close handler records the end

    if (!(await waitOrClose(res, delayMs))) return;

    const headers = idHeader(provider, id);
    const done = () => log.finish(entry, {});
    switch (plan.kind) {
      case "reset":
        log.finish(entry, {});
        req.socket.destroy();
        return;
      case "malformed":
        sendJson(res, 200, MALFORMED_BODY, headers, done);
        return;
      case "error": {
        const extra: Record<string, string> =
          plan.retryAfter !== undefined ? { "retry-after": String(plan.retryAfter) } : {};
        sendJson(res, plan.status, errorBody(provider, plan.status, plan.message), { ...headers, ...extra }, done);
        return;
      }
      case "answer":
        break;
    }
    if (!completion) return;

    const meta: ResponseMeta = { id, model: r.model, created: Math.floor(Date.now() / 1000) };
    if (!r.stream) {
      const body = provider === "openai" ? openaiBody(completion, meta) : anthropicBody(completion, meta);
      sendJson(res, 200, body, headers, done);
      return;
    }
    const frames = provider === "openai" ? openaiStreamFrames(completion, meta) : anthropicStreamFrames(completion, meta);
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      connection: "keep-alive",
      ...headers,
    });
    res.flushHeaders();
    for (let i = 0; i < frames.length; i++) {
      if (i > 0 && d.chunkDelay > 0 && !(await waitOrClose(res, d.chunkDelay))) return;
      if (res.destroyed) return;
      res.write(frames[i]);
    }
    res.end(done);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://stub.local");
    const path = url.pathname.replace(/\/+$/, "") || "/";
    const method = (req.method ?? "GET").toUpperCase();

    if (path === "/" || path === "/health") {
      if (method === "GET" || method === "HEAD") {
        sendJson(res, 200, { status: "ok", service: "tradeoff-stub-upstream" });
        return;
      }
    }
    if (path === "/__log") {
      if (method === "GET") {
        const sinceRaw = url.searchParams.get("since");
        const since = sinceRaw !== null && sinceRaw !== "" && Number.isFinite(Number(sinceRaw)) ? Number(sinceRaw) : undefined;
        sendJson(res, 200, log.list(since));
        return;
      }
      if (method === "DELETE") {
        log.clear();
        sendJson(res, 200, { cleared: true });
        return;
      }
    }
    const provider: Provider | null = /^(\/v1)?\/chat\/completions$/.test(path)
      ? "openai"
      : /^(\/v1)?\/messages$/.test(path)
        ? "anthropic"
        : null;
    if (provider && method === "POST") {
      await handleLlm(req, res, provider, path);
      return;
    }
    req.resume();
    const status = provider ? 405 : 404;
    sendJson(res, status, errorBody(provider ?? "openai", status, `${method} ${path} is not supported by the stub`));
  }

  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      const tooLarge = err instanceof BodyTooLarge;
      if (!res.headersSent && !res.destroyed) {
        const status = tooLarge ? 413 : 500;
        sendJson(res, status, openaiErrorBody(status, tooLarge ? "request body too large" : "stub internal error"));
      } else {
        res.destroy();
      }
      if (!tooLarge) console.error("[stub] handler error:", err);
    });
  };
}

export async function startStub(opts: StubOptions = {}): Promise<StubHandle> {
  const host = opts.host ?? "127.0.0.1";
  const log = new RequestLog({ maxEntries: opts.maxLogEntries, file: opts.logFile ?? process.env.STUB_LOG_FILE });
  const server = http.createServer({ keepAliveTimeout: 30_000 }, createHandler(log));
  server.on("clientError", (_err, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\n\r\n");
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: opts.port ?? 0, host, backlog: 2048 }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("stub: unexpected server address");
  const port = address.port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    log: () => log.list(),
    clear: () => log.clear(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => log.close());
      return closing;
    },
  };
}

function cliPort(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--port" || a === "-p") return Number(argv[i + 1]);
    if (a.startsWith("--port=")) return Number(a.slice("--port=".length));
  }
  return Number(process.env.STUB_PORT ?? 0);
}

const entry = process.argv[1] ?? "";
if (/e2e[\\/]stub[\\/]server\.(ts|js|mjs|cjs)$/.test(entry)) {
  const port = cliPort(process.argv.slice(2));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error("stub: invalid port");
    process.exit(2);
  }
  startStub({ port }).then(
    (stub) => {
      console.log(`stub listening on ${stub.url}`);
      const shutdown = () => {
        void stub.close().then(() => process.exit(0));
      };
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
    },
    (err: unknown) => {
      console.error("stub: failed to start:", err);
      process.exit(1);
    },
  );
}
