import { z } from "zod";

// Shared by the /compare page and POST /api/compare. No server imports here.

export const MAX_PROMPT_CHARS = 100_000;
export const MAX_MODELS = 12;

export const chatMessageSchema = z.object({
  role: z.enum(["system", "user", "assistant"], { message: 'role must be "system", "user" or "assistant"' }),
  content: z.string({ message: "content must be a string" }).max(MAX_PROMPT_CHARS, `content must be at most ${MAX_PROMPT_CHARS.toLocaleString("en-US")} characters`),
});

export const slugSchema = z
  .string({ message: "must be a model id (string)" })
  .min(1, "must not be empty")
  .max(100, "is too long")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, "must be a model id such as gpt-4o-mini");

export const compareRequestSchema = z
  .object({
    prompt: z
      .string({ message: "prompt must be a string" })
      .trim()
      .min(1, "prompt must not be empty")
      .max(MAX_PROMPT_CHARS, `prompt must be at most ${MAX_PROMPT_CHARS.toLocaleString("en-US")} characters`)
      .optional(),
    system: z.string({ message: "system must be a string" }).max(MAX_PROMPT_CHARS, `system must be at most ${MAX_PROMPT_CHARS.toLocaleString("en-US")} characters`).optional(),
    messages: z.array(chatMessageSchema, { message: "messages must be an array of {role, content}" }).min(1, "messages must not be empty").max(200, "at most 200 messages").optional(),
    models: z
      .array(slugSchema, { message: "models must be an array of model ids" })
      .min(1, "pick at least one model")
      .max(MAX_MODELS, `pick at most ${MAX_MODELS} models`)
      .refine((m) => new Set(m).size === m.length, "models must not repeat"),
    baseline: slugSchema.optional(),
    judge: slugSchema.nullable().optional(),
    temperature: z.number({ message: "temperature must be a number" }).min(0).max(2).optional(),
    maxTokens: z.number({ message: "maxTokens must be a number" }).int().min(1).max(32_000).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.prompt && !v.messages) ctx.addIssue({ code: "custom", path: ["prompt"], message: "prompt is required (or messages)" });
    if (v.prompt && v.messages) ctx.addIssue({ code: "custom", path: ["messages"], message: "send either prompt or messages, not both" });
    if (v.messages && !v.messages.some((m) => m.role === "user")) ctx.addIssue({ code: "custom", path: ["messages"], message: "messages must include a user message" });
    if (v.baseline && !v.models.includes(v.baseline)) ctx.addIssue({ code: "custom", path: ["baseline"], message: "baseline must be one of the chosen models" });
  });

export type CompareRequest = z.infer<typeof compareRequestSchema>;
