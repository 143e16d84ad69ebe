// One AlpacaEval model output -> a case. model_outputs.json is a JSON array of
//   {dataset, instruction, output, generator}
// (github.com/tatsu-lab/alpaca_eval). instruction -> the user message, output -> the recorded response,
// generator -> model, dataset -> metadata.dataset. The original Alpaca training format's optional `input`
// is appended to the instruction, as Alpaca's own prompt template does.
import { isObj, kindOf, str } from "./fields";
import type { ImportedCase, Mapped } from "./types";

export function caseFromAlpacaRecord(rec: unknown): Mapped {
  if (!isObj(rec)) return { ok: false, error: `expected an object {instruction, output, generator}, got ${kindOf(rec)}` };
  if (typeof rec.instruction !== "string") {
    return { ok: false, error: rec.instruction === undefined ? "no instruction" : `instruction must be text, not ${kindOf(rec.instruction)}` };
  }
  if (rec.instruction.trim() === "") return { ok: false, error: "instruction is empty" };
  const input = str(rec.input);
  const c: ImportedCase = {
    messages: [{ role: "user", content: input ? `${rec.instruction}\n\n${input}` : rec.instruction }],
    response: typeof rec.output === "string" ? rec.output : null,
    model: str(rec.generator),
    usage: null,
    latencyMs: null,
  };
  const dataset = str(rec.dataset);
  if (dataset) c.metadata = { dataset };
  return { ok: true, case: c };
}
