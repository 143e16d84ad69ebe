// A server or validation message shown right under its input; its element id is "error-<id>" for aria-describedby.

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`error-${id}`} role="alert" data-testid={`error-${id}`} className="mt-1 text-xs font-medium text-red-800 dark:text-red-300">
      {message}
    </p>
  );
}

export const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm aria-[invalid=true]:border-red-600 dark:border-slate-700 dark:bg-slate-950 dark:aria-[invalid=true]:border-red-400";

export const sectionClass = "space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900";
