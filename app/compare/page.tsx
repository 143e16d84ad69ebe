import type { Metadata } from "next";
import { CompareWorkbench } from "@/components/compare/compare-workbench";
import { listModelInfo } from "@/lib/models/status";

export const metadata: Metadata = { title: "Compare" };
export const dynamic = "force-dynamic";

export default async function ComparePage() {
  const models = await listModelInfo();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Compare models on one prompt</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">Every call goes through Portkey; each answer is priced from its token usage and stored.</p>
      </div>
      <CompareWorkbench models={models} />
    </div>
  );
}
