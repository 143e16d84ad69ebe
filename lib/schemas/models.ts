import { z } from "zod";

export const customModelSchema = z
  .object({
    slug: z.string().trim().min(2, "slug must be at least 2 characters").max(60, "slug must be at most 60 characters").regex(/^[a-z0-9][a-z0-9._-]*$/, "slug: lowercase letters, digits, '.', '_' and '-' only"),
    label: z.string().trim().min(1, "label must not be empty").max(80, "label must be at most 80 characters"),
    baseUrl: z
      .url({ message: "baseUrl must be a URL such as http://localhost:11434/v1" })
      .refine((u) => /^https?:\/\//.test(u), "baseUrl must start with http:// or https://"),
    upstreamModel: z.string().trim().min(1, "upstreamModel must not be empty").max(200, "upstreamModel is too long"),
    keyEnv: z
      .string()
      .trim()
      .regex(/^[A-Z][A-Z0-9_]*$/, "keyEnv must be the NAME of a server environment variable (e.g. VLLM_API_KEY), never the key itself")
      .nullable()
      .optional(),
  })
  .strict();

export type CustomModelInput = z.infer<typeof customModelSchema>;

export const priceOverrideSchema = z
  .object({
    inputPerMillion: z.number({ message: "inputPerMillion must be a number (USD per 1M tokens)" }).min(0, "inputPerMillion must be ≥ 0").max(10_000),
    outputPerMillion: z.number({ message: "outputPerMillion must be a number (USD per 1M tokens)" }).min(0, "outputPerMillion must be ≥ 0").max(10_000),
    cachedInputPerMillion: z.number().min(0).max(10_000).nullable().optional(),
  })
  .strict();
