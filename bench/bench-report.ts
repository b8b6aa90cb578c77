/**
 * What each part of `npm run bench` hands the runner: figures with their unit, the target the
 * issue set for them where there is one, and whatever detail the JSON should keep. The runner
 * prints every section as one table and writes them all, with the machine and the command, to JSON.
 */
export interface BenchFigure {
  /** What was measured, as a reader of the table understands it: "decisions/s (PostgreSQL)". */
  name: string;
  value: number;
  unit: string;
  /** The goal, when there is one; `met` says whether `value` reaches it. */
  target?: { value: number; better: 'higher' | 'lower' };
  /** A short remark printed beside the figure: the spread, a count checked, a caveat. */
  note?: string;
}

export interface BenchSection {
  title: string;
  figures: BenchFigure[];
  /** Kept in the JSON only: rounds, settings, raw samples. */
  detail?: Record<string, unknown>;
}

/** What a section needs from the runner: where PostgreSQL is, and how to report progress. */
export interface BenchContext {
  /** A server URL such as postgres://postgres@127.0.0.1:5432/postgres; sections make their own databases. */
  postgresUrl: string | undefined;
  /** One line of progress on stderr (the table goes to stdout). */
  progress(message: string): void;
  /** Smaller sizes and fewer rounds, for a quick look (`npm run bench -- --quick`). */
  quick: boolean;
}

/** One part of the bench: its title (for `--only`) and how to measure it. */
export interface BenchPart {
  title: string;
  measure(context: BenchContext): Promise<BenchSection>;
}

/** Whether a figure reaches its target (undefined when it has none). */
export function met(figure: BenchFigure): boolean | undefined {
  if (!figure.target) return undefined;
  return figure.target.better === 'higher'
    ? figure.value >= figure.target.value
    : figure.value <= figure.target.value;
}
