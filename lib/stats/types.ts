/** A closed interval [lower, upper]. */
export type Interval = [lower: number, upper: number];
