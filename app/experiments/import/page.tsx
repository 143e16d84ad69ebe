import type { Metadata } from "next";
import Link from "next/link";
import { ImportWizard } from "@/components/import/import-wizard";
import { listModelInfo } from "@/lib/models/status";

export const metadata: Metadata = { title: "Replay a production log" };
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  const models = await listModelInfo();
  return (
    <div className="space-y-4">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/" className="text-blue-700 underline dark:text-blue-300">Experiments</Link> / Replay a log
        </nav>
        <h1 className="text-2xl font-semibold tracking-tight">Replay a production log</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          Upload the prompts your product really sent. Answers recorded in production stand in for your current model&apos;s and are not
          bought again. Start with a sample; add more cases from the same log later.
        </p>
      </div>
      <ImportWizard models={models} />
    </div>
  );
}
