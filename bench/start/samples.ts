/** Repeated timings of one thing, summed up as the table shows them. */
export interface Samples {
  median: number;
  fastest: number;
  slowest: number;
  all: number[];
}

export function samples(values: number[]): Samples {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median: Math.round(median), fastest: sorted[0], slowest: sorted.at(-1)!, all: values };
}

/** The spread beside a median: "3 runs, 2,410–2,980 ms". */
export function spread({ all, fastest, slowest }: Samples, unit = 'ms'): string {
  return `${all.length} runs, ${fastest}–${slowest} ${unit}`;
}

/** Runs `once` `runs` times, one after the other, and sums up the numbers it answers. */
export async function repeated(runs: number, once: () => Promise<number>): Promise<Samples> {
  const values: number[] = [];
  for (let run = 0; run < runs; run++) values.push(await once());
  return samples(values);
}
