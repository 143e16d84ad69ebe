"use client";
import { formatInt } from "@/components/ui/format";
import { buttonSecondary, mutedText } from "./styles";

// When the log has bad lines the user decides, explicitly: import the good cases, or import nothing at all.

export type BadChoice = "good" | "none" | null;

export function BadLinesChoice({ good, bad, choice, onChoice, onStartOver }: { good: number; bad: number; choice: BadChoice; onChoice: (c: BadChoice) => void; onStartOver: () => void }) {
  return (
    <fieldset className="space-y-2 rounded-xl border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40" data-testid="bad-lines-choice" aria-describedby="bad-choice-help">
      <legend className="px-1 font-semibold text-amber-950 dark:text-amber-100">
        {formatInt(bad)} bad line{bad === 1 ? "" : "s"}: what should happen? <span aria-hidden className="text-red-700 dark:text-red-400">*</span>
      </legend>
      <p id="bad-choice-help" className={`text-xs ${mutedText}`}>Bad lines are never imported. Choose one to continue.</p>
      <label className="flex items-start gap-2">
        <input type="radio" name="bad-lines" value="good" className="mt-0.5" data-testid="bad-choice-good" checked={choice === "good"} onChange={() => onChoice("good")} required />
        <span>Import the {formatInt(good)} good case{good === 1 ? "" : "s"} <span className={mutedText}>(skip the {formatInt(bad)} bad)</span></span>
      </label>
      <label className="flex items-start gap-2">
        <input type="radio" name="bad-lines" value="none" className="mt-0.5" data-testid="bad-choice-none" checked={choice === "none"} onChange={() => onChoice("none")} />
        <span>Cancel (import nothing)</span>
      </label>
      {choice === "none" ? (
        <div className="space-y-2 border-t border-amber-200 pt-2 dark:border-amber-900" data-testid="bad-choice-cancelled">
          <p>Nothing will be imported. Fix the lines listed above and upload the file again.</p>
          <button type="button" className={buttonSecondary} onClick={onStartOver}>Choose another file</button>
        </div>
      ) : null}
    </fieldset>
  );
}
