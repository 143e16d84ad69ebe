// Measures the refusal text classifier on the XSTest v2 dev completions (GPT-4 and Mistral-Instruct).
// Run: npx tsx scripts/measure-refusal.ts [--errors]
// Data: $XSTEST_DIR, else ../shared/data/xstest-dev beside the repo root (never copied into the repo).
// Full and partial refusals both count as positive. Baseline (XSTest paper string match): pooled
// F1 0.830 (P 0.918, R 0.757).

import fs from "node:fs";
import { readXstestDev, resolveXstestDir } from "../lib/refusal/csv-read";
import { classifyRefusalText } from "../lib/refusal/classifier";
import { formatMeasureTable, isXstestRefusal, measureXstest } from "../lib/refusal/measure";

function main(): void {
  const dir = resolveXstestDir();
  if (!fs.existsSync(dir)) {
    console.error(`XSTest data not found at ${dir} (set XSTEST_DIR)`);
    process.exit(1);
  }
  const sets = readXstestDev(dir);
  const result = measureXstest(sets);
  console.log(`XSTest dev data: ${dir}`);
  console.log(formatMeasureTable(result));
  console.log("baseline (XSTest string match, pooled): P 0.918  R 0.757  F1 0.830");

  if (process.argv.includes("--errors")) {
    for (const s of sets) {
      for (const r of s.records) {
        const gold = isXstestRefusal(r.finalLabel);
        const c = classifyRefusalText(r.completion);
        if (gold === c.refusal) continue;
        const head = r.completion.replace(/\s+/g, " ").slice(0, 160);
        console.log(`${gold ? "FN" : "FP"} ${s.name} ${r.id} [${r.finalLabel}] score=${c.score.toFixed(2)} ${c.matched.join(",")}\n   ${head}`);
      }
    }
  }
}

main();
