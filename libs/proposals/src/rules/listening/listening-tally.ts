import { parseListeningDate, utcDay } from './listening-dates';
import { LISTENING_IMPORT_LIMITS, ListeningImportLimits } from './listening-limits';
import {
  ListeningMapping,
  MAPPED_COLUMNS,
  MappedColumn,
  SentimentValues,
} from './listening-mapping';
import { parseCount, parseSentiment, Sentiment, splitTerms } from './listening-values';

export interface ListeningTerm {
  term: string;
  count: number;
}

/** What a listening export says, once every row of it is read and none is wrong. */
export interface ListeningFigures {
  /** The query the lines above the table name, if they do. */
  query: string | null;
  /** The start of the first day with a row, and the start of the day after the last (UTC). */
  periodStart: Date;
  periodEnd: Date;
  mentionCount: number;
  positive: number;
  neutral: number;
  negative: number;
  /** Mentions the tool did not rate: in the count, out of the shares. */
  unrated: number;
  positiveShare: number;
  neutralShare: number;
  negativeShare: number;
  topTerms: ListeningTerm[];
  rowsRead: number;
}

/** A row that cannot be read, by the line of the file it ends on (1 is the first line). */
export interface LineProblem {
  line: number;
  message: string;
}

export type TallyOutcome =
  | { ok: true; figures: ListeningFigures }
  | { ok: false; problems: LineProblem[]; problemCount: number };

const normal = (text: string) => text.trim().toLowerCase();
/** A cell as a problem quotes it: 40 characters at most, so that a wrong column stays short. */
const shown = (cell: string) => JSON.stringify(cell.length > 40 ? `${cell.slice(0, 40)}…` : cell);

/**
 * Reads an export's records one by one (the report lines, the header, the rows) and adds them up,
 * keeping only the totals and the term counts: the file itself is never held. Every bad row is
 * counted and the first ones told by line; a file with any is refused as a whole.
 */
export class ListeningTally {
  private header: Map<MappedColumn, number> | undefined;
  private preambleRecords = 0;
  private query: string | null = null;
  private rows = 0;
  private earliest = Infinity;
  private latest = -Infinity;
  private readonly counts: Record<Sentiment, number> = {
    positive: 0,
    neutral: 0,
    negative: 0,
    unrated: 0,
  };
  private readonly terms = new Map<string, number>();
  private readonly problems: LineProblem[] = [];
  private problemCount = 0;
  /** Set when the rest of the file cannot be read (no header where one must be). */
  private stopped = false;

  constructor(
    private readonly mapping: ListeningMapping,
    private readonly limits: ListeningImportLimits = LISTENING_IMPORT_LIMITS,
  ) {}

  get rowsRead(): number {
    return this.rows;
  }

  /** Whether reading on could change the outcome. */
  get wantsMore(): boolean {
    return !this.stopped;
  }

  /** Takes one record of the file, ending on `line`. */
  read(cells: readonly string[], line: number): void {
    if (this.stopped) return;
    if (!this.header) return this.readPreamble(cells, line);
    if (cells.every((cell) => cell.trim() === '')) return;
    this.rows += 1;
    this.readRow(cells, line);
  }

  /** Refuses the file at `line` for a reason outside the rows (a CSV syntax error). */
  fail(line: number, message: string): void {
    this.report(line, message);
    this.stopped = true;
  }

  /** The figures of the whole file, or why it is refused; `lastLine` is its last line. */
  finish(lastLine: number): TallyOutcome {
    if (!this.header && !this.stopped) {
      this.report(lastLine, `The file has no header row naming ${this.expectedColumns()}`);
    } else if (this.header && this.rows === 0) {
      this.report(lastLine, 'The file has no rows under its header');
    }
    const { positive, neutral, negative, unrated } = this.counts;
    const rated = positive + neutral + negative;
    if (this.problemCount === 0 && rated === 0) {
      this.report(lastLine, 'No mention has a sentiment: the shares cannot be computed');
    }
    if (this.problemCount > 0) {
      return { ok: false, problems: this.problems, problemCount: this.problemCount };
    }
    return {
      ok: true,
      figures: {
        query: this.query,
        periodStart: utcDay(new Date(this.earliest)),
        periodEnd: new Date(utcDay(new Date(this.latest)).getTime() + 86_400_000),
        mentionCount: rated + unrated,
        positive,
        neutral,
        negative,
        unrated,
        positiveShare: positive / rated,
        neutralShare: neutral / rated,
        negativeShare: negative / rated,
        topTerms: this.topTerms(),
        rowsRead: this.rows,
      },
    };
  }

  private readPreamble(cells: readonly string[], line: number): void {
    const names = cells.map(normal);
    const columns = MAPPED_COLUMNS.filter((column) => this.mapping[column] !== undefined);
    const indexes = columns.map((column) => names.indexOf(normal(this.mapping[column]!)));
    if (indexes.every((index) => index >= 0)) {
      this.header = new Map(columns.map((column, i) => [column, indexes[i]]));
      return;
    }
    this.query ??= this.queryIn(cells);
    this.preambleRecords += 1;
    if (this.preambleRecords >= this.limits.maxPreambleRecords) {
      this.fail(
        line,
        `No header row naming ${this.expectedColumns()} in the first ` +
          `${this.limits.maxPreambleRecords} records`,
      );
    }
  }

  /** "Query Name:","Acme" or "Query Name: Acme" names the query when its label is the mapping's. */
  private queryIn(cells: readonly string[]): string | null {
    const [first = '', ...rest] = cells;
    const colon = first.indexOf(':');
    const label = normal(colon >= 0 ? first.slice(0, colon) : first);
    if (!(this.mapping.queryLabels ?? []).some((known) => normal(known) === label)) return null;
    const value = (colon >= 0 ? first.slice(colon + 1) : '').trim() || rest.find((c) => c.trim());
    return value?.trim() || null;
  }

  private readRow(cells: readonly string[], line: number): void {
    const mapping = this.mapping;
    const cell = (column: MappedColumn) => cells[this.header!.get(column)!] ?? '';
    const wrong: string[] = [];

    const date = parseListeningDate(cell('date'), mapping.dateFormat);
    if (!date) {
      wrong.push(`${mapping.date} ${shown(cell('date'))} is not a ${mapping.dateFormat} date`);
    }

    const count = (column: MappedColumn): number | undefined => {
      const value = parseCount(cell(column));
      if (value === undefined) {
        wrong.push(`${mapping[column]} ${shown(cell(column))} is not a count of mentions`);
      }
      return value;
    };
    const total = mapping.mentions !== undefined ? count('mentions') : undefined;
    const bySentiment = this.sentimentCounts(cell, count, total, wrong);
    const terms =
      mapping.terms === undefined ? [] : splitTerms(cell('terms'), mapping.termSeparator ?? ',');
    const long = terms.find((term) => term.length > this.limits.maxTermLength);
    if (long) {
      wrong.push(
        `${mapping.terms} has a term longer than ${this.limits.maxTermLength} characters: ${shown(long)}`,
      );
    }

    if (wrong.length > 0 || !date || !bySentiment) {
      this.report(line, wrong.join('; '));
      return;
    }
    this.earliest = Math.min(this.earliest, date.getTime());
    this.latest = Math.max(this.latest, date.getTime());
    for (const sentiment of Object.keys(bySentiment) as Sentiment[]) {
      this.counts[sentiment] += bySentiment[sentiment];
    }
    const weight = Object.values(bySentiment).reduce((sum, n) => sum + n, 0);
    for (const term of terms) this.terms.set(term, (this.terms.get(term) ?? 0) + weight);
  }

  /** The row's mentions by sentiment, or undefined with what is wrong added to `wrong`. */
  private sentimentCounts(
    cell: (column: MappedColumn) => string,
    count: (column: MappedColumn) => number | undefined,
    total: number | undefined,
    wrong: string[],
  ): Record<Sentiment, number> | undefined {
    const mapping = this.mapping;
    if (mapping.sentiment !== undefined) {
      const sentiment = parseSentiment(
        cell('sentiment'),
        mapping.sentimentValues ?? SentimentValues.LABELS,
        mapping.unratedLabels ?? [],
      );
      if (!sentiment) {
        const expected =
          mapping.sentimentValues === SentimentValues.SIGNED
            ? 'a score (above 0 positive, 0 neutral, below 0 negative)'
            : `positive, neutral or negative${(mapping.unratedLabels ?? []).map((l) => ` or ${JSON.stringify(l)}`).join('')}`;
        wrong.push(`${mapping.sentiment} ${shown(cell('sentiment'))} is not ${expected}`);
        return undefined;
      }
      const counts = { positive: 0, neutral: 0, negative: 0, unrated: 0 };
      counts[sentiment] = total ?? 1;
      return counts;
    }
    const positive = count('positive');
    const neutral = count('neutral');
    const negative = count('negative');
    if (positive === undefined || neutral === undefined || negative === undefined) return undefined;
    const rated = positive + neutral + negative;
    if (total !== undefined && total < rated) {
      wrong.push(
        `${mapping.mentions} ${total} is less than the ${rated} positive, neutral and negative mentions`,
      );
      return undefined;
    }
    return { positive, neutral, negative, unrated: total === undefined ? 0 : total - rated };
  }

  private report(line: number, message: string): void {
    this.problemCount += 1;
    if (this.problems.length < this.limits.lineProblemsShown) this.problems.push({ line, message });
  }

  private expectedColumns(): string {
    return MAPPED_COLUMNS.filter((column) => this.mapping[column] !== undefined)
      .map((column) => JSON.stringify(this.mapping[column]))
      .join(', ');
  }

  /** The most mentioned terms; among equals, in alphabetical order. */
  private topTerms(): ListeningTerm[] {
    return [...this.terms]
      .map(([term, count]) => ({ term, count }))
      .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
      .slice(0, this.limits.topTerms);
  }
}
