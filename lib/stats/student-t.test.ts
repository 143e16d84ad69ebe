import { describe, expect, it } from "vitest";
import { lnGamma, regularizedIncompleteBeta, studentTCdf, studentTQuantile } from "./student-t";

describe("lnGamma", () => {
  it("matches known values", () => {
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(0.1)).toBeCloseTo(Math.log(9.513507698668732), 10);
  });
});

describe("regularizedIncompleteBeta", () => {
  it("matches closed forms", () => {
    // I_x(1, 1) = x; I_x(2, 1) = x^2; I_x(1, b) = 1 - (1 - x)^b
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(regularizedIncompleteBeta(0.7, 2, 1)).toBeCloseTo(0.49, 12);
    expect(regularizedIncompleteBeta(0.2, 1, 3)).toBeCloseTo(1 - 0.8 ** 3, 12);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
});

describe("Student's t", () => {
  it("CDF matches closed forms for df = 1 (Cauchy) and df = 2", () => {
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 12);
    expect(studentTCdf(-2, 1)).toBeCloseTo(0.5 + Math.atan(-2) / Math.PI, 12);
    // df = 2: F(t) = 1/2 + t / (2 sqrt(2 + t^2))
    expect(studentTCdf(1.5, 2)).toBeCloseTo(0.5 + 1.5 / (2 * Math.sqrt(2 + 2.25)), 12);
    expect(studentTCdf(0, 9)).toBe(0.5);
  });

  it("quantiles match printed t tables", () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.3027, 3);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.2281, 3);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.0423, 3);
    expect(studentTQuantile(0.95, 5)).toBeCloseTo(2.0150, 3);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.2281, 3);
    // approaches the normal quantile 1.95996 for large df
    expect(studentTQuantile(0.975, 100_000)).toBeCloseTo(1.95996, 3);
  });

  it("rejects invalid input", () => {
    expect(studentTQuantile(0, 5)).toBeNaN();
    expect(studentTQuantile(0.5, 0)).toBeNaN();
  });
});
