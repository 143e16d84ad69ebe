// Rubric validation and the weighted quality score.
// A rubric is a list of criteria; the judge scores each 0..1 and quality = sum(weight x score) with weights summing to 1.

import type { RubricCriterion } from "../domain/types";

export const MAX_CRITERIA = 20;
export const MAX_CRITERION_NAME_LENGTH = 64;
export const WEIGHT_SUM_TOLERANCE = 1e-6;

export interface RubricFieldError {
  /** e.g. "rubric", "rubric[1].name", "rubric[2].weight" */
  field: string;
  message: string;
}

export type RubricValidation = { ok: true; rubric: RubricCriterion[] } | { ok: false; errors: RubricFieldError[] };

/**
 * Checks a rubric: 1..MAX_CRITERIA criteria; names non-empty, without surrounding spaces, at most
 * MAX_CRITERION_NAME_LENGTH characters and unique (case-insensitively: the names become JSON keys the judge must echo);
 * weights finite and > 0, summing to 1 within 1e-6; descriptions, when given, strings.
 */
export function validateRubric(criteria: unknown): RubricValidation {
  const errors: RubricFieldError[] = [];
  if (!Array.isArray(criteria)) return { ok: false, errors: [{ field: "rubric", message: "rubric must be a list of criteria" }] };
  if (criteria.length === 0) return { ok: false, errors: [{ field: "rubric", message: "rubric needs at least one criterion" }] };
  if (criteria.length > MAX_CRITERIA) {
    errors.push({ field: "rubric", message: `rubric has ${criteria.length} criteria; at most ${MAX_CRITERIA} are allowed` });
  }

  const seen = new Map<string, number>();
  let weightSum = 0;
  let weightsValid = true;
  const rubric: RubricCriterion[] = [];

  criteria.forEach((raw: unknown, i) => {
    const at = `rubric[${i}]`;
    if (typeof raw !== "object" || raw === null) {
      errors.push({ field: at, message: "criterion must be an object with a name and a weight" });
      weightsValid = false;
      return;
    }
    const c = raw as Record<string, unknown>;
    const { name, weight, description } = c;

    if (typeof name !== "string" || name.trim() === "") {
      errors.push({ field: `${at}.name`, message: "name must be a non-empty string" });
    } else if (name !== name.trim()) {
      errors.push({ field: `${at}.name`, message: `name "${name}" must not start or end with spaces` });
    } else if (name === "__proto__") {
      errors.push({ field: `${at}.name`, message: `"__proto__" cannot be a criterion name` });
    } else if (name.length > MAX_CRITERION_NAME_LENGTH) {
      errors.push({ field: `${at}.name`, message: `name must be at most ${MAX_CRITERION_NAME_LENGTH} characters` });
    } else {
      const key = name.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push({ field: `${at}.name`, message: `duplicate criterion name "${name}" (same as rubric[${first}])` });
      } else seen.set(key, i);
    }

    if (typeof weight !== "number" || !Number.isFinite(weight)) {
      errors.push({ field: `${at}.weight`, message: "weight must be a number" });
      weightsValid = false;
    } else if (weight <= 0) {
      errors.push({ field: `${at}.weight`, message: `weight must be greater than 0 (got ${weight})` });
      weightsValid = false;
    } else weightSum += weight;

    if (description !== undefined && typeof description !== "string") {
      errors.push({ field: `${at}.description`, message: "description must be a string" });
    }

    if (typeof name === "string" && typeof weight === "number") {
      rubric.push(typeof description === "string" ? { name, weight, description } : { name, weight });
    }
  });

  if (weightsValid && Math.abs(weightSum - 1) > WEIGHT_SUM_TOLERANCE) {
    errors.push({ field: "rubric", message: `weights must sum to 1 (they sum to ${Number(weightSum.toPrecision(10))})` });
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, rubric };
}

/** One line per error: "rubric[1].weight: weight must be greater than 0 (got 0)". */
export function formatRubricErrors(errors: readonly RubricFieldError[]): string {
  return errors.map((e) => `${e.field}: ${e.message}`).join("; ");
}

/**
 * Weighted quality: sum(weight x score) / sum(weight) (weights normalised, so a rubric that does not sum exactly to 1
 * still yields 0..1). null when a criterion has no finite score or the weights do not sum to a positive number.
 */
export function weightedQuality(scores: Readonly<Record<string, number>>, rubric: readonly RubricCriterion[]): number | null {
  let total = 0;
  let weights = 0;
  for (const c of rubric) {
    const s = Object.hasOwn(scores, c.name) ? scores[c.name] : undefined;
    if (typeof s !== "number" || !Number.isFinite(s)) return null;
    if (!Number.isFinite(c.weight) || c.weight < 0) return null;
    total += c.weight * s;
    weights += c.weight;
  }
  if (weights <= 0) return null;
  return total / weights;
}
