/**
 * Summaries of repeated measurements: a single wall-clock run on a shared machine is too noisy to judge a budget by.
 */

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('spread() needs at least one value');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted.at(-1) as number };
}

/**
 * Ratios of paired runs (run i of one build against run i of the other), so load that changes between runs cancels out.
 */
export function pairedRatios(numerators: readonly number[], denominators: readonly number[]): number[] {
  if (numerators.length !== denominators.length)
    throw new Error(
      `pairedRatios() needs as many runs of each build (${numerators.length} and ${denominators.length})`,
    );
  return numerators.map((value, index) => value / (denominators[index] as number));
}

/** "15.5 s (15.1–16.0 over 3 runs)", or just the value for one run. */
export function describeSpread({ median, min, max }: Spread, runs: number, format: (value: number) => string): string {
  return runs === 1 ? format(median) : `${format(median)} (${format(min)}–${format(max)} over ${runs} runs)`;
}
