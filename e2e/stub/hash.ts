import { createHash, randomBytes } from "node:crypto";

export function sha256(input: string): string {
  return createHash("sha256").update(input).digest("hex");
}

/** Deterministic number in [0, 1) derived from a hash of `parts`. */
export function unitFromSeed(...parts: Array<string | number>): number {
  const hex = sha256(parts.join("\u0000")).slice(0, 12); // 48 bits
  return parseInt(hex, 16) / 2 ** 48;
}

export function randomId(prefix: string): string {
  return prefix + randomBytes(12).toString("hex");
}

/** High-resolution epoch milliseconds. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}
