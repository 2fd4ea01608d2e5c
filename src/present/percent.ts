/** A probability as a whole percentage ("49%"), as the report and the score print it. */
export const percent = (p: number): string => `${Math.round(p * 100)}%`;
