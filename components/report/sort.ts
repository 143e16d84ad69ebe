// Sorting rows by a column: numbers and strings compare naturally, null (unknown) always goes last in either direction.

export type SortDir = "asc" | "desc";

export function compareNullable(a: number | string | null, b: number | string | null, dir: SortDir): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const c = typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
  return dir === "asc" ? c : -c;
}
