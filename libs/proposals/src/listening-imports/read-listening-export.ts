import { CsvError, parse } from 'csv-parse';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  LISTENING_IMPORT_LIMITS,
  ListeningFigures,
  ListeningImportLimits,
  ListeningMapping,
  ListeningTally,
  LineProblem,
} from '../rules';

/** What reading an export came to. */
export type ListeningExportRead =
  | { outcome: 'read'; figures: ListeningFigures; sha256: string; bytes: number }
  | { outcome: 'bad rows'; problems: LineProblem[]; problemCount: number }
  | { outcome: 'too large'; message: string };

/** Progress of a read: the rows read so far and the bytes. */
export type ReadProgress = (rows: number, bytes: number) => void;

/**
 * Reads a listening export from `source` as it arrives, with csv-parse: the bytes are hashed and
 * counted on their way to the parser, each record is added to the tally and dropped. It stops at
 * the first limit passed, and when the rest cannot change the outcome. `source` is read but never
 * destroyed: an HTTP request left unread can still be answered.
 */
export async function readListeningExport(
  source: Readable,
  mapping: ListeningMapping,
  onProgress: ReadProgress = () => undefined,
  limits: ListeningImportLimits = LISTENING_IMPORT_LIMITS,
): Promise<ListeningExportRead> {
  const hash = createHash('sha256');
  let bytes = 0;
  let limitPassed: string | undefined;
  /** Set when the tally needs no more: pipeline then aborts the streams before it. */
  let stopped = false;
  async function* metered() {
    for await (const chunk of source.iterator({ destroyOnReturn: false })) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      bytes += buffer.length;
      if (bytes > limits.maxBytes) {
        limitPassed = `The file is larger than ${limits.maxBytes.toLocaleString('en-US')} bytes, the most one import reads`;
        return;
      }
      hash.update(buffer);
      yield buffer;
    }
  }
  const parser = parse({
    bom: true,
    delimiter: mapping.delimiter ?? ',',
    info: true,
    max_record_size: limits.maxRecordBytes,
    relax_column_count: true,
    skip_empty_lines: true,
  });
  const tally = new ListeningTally(mapping, limits);
  let lastLine = 1;
  try {
    await pipeline(Readable.from(metered()), parser, async (records: AsyncIterable<Parsed>) => {
      for await (const { record, info } of records) {
        lastLine = info.lines;
        tally.read(record, info.lines);
        if (tally.rowsRead > limits.maxRows) {
          limitPassed = `The file has more than ${limits.maxRows.toLocaleString('en-US')} rows, the most one import reads`;
        }
        if (limitPassed || !tally.wantsMore) {
          stopped = true;
          return;
        }
        onProgress(tally.rowsRead, bytes);
      }
    });
  } catch (error) {
    const aborted = stopped && (error as Error).name === 'AbortError';
    if (!aborted && !(error instanceof CsvError)) throw error;
    // A file cut short at the byte limit may end inside a quoted field: the limit is the answer.
    if (error instanceof CsvError && !limitPassed) {
      // csv-parse's message may quote the field it stopped in: at most a line's worth of it.
      const message =
        error.message.length > 200 ? `${error.message.slice(0, 200)}…` : error.message;
      tally.fail(Number(error.lines ?? lastLine), `The file is not valid CSV here: ${message}`);
    }
  }
  if (limitPassed) return { outcome: 'too large', message: limitPassed };
  const outcome = tally.finish(lastLine);
  if (!outcome.ok) {
    return { outcome: 'bad rows', problems: outcome.problems, problemCount: outcome.problemCount };
  }
  return { outcome: 'read', figures: outcome.figures, sha256: hash.digest('hex'), bytes };
}

interface Parsed {
  record: string[];
  info: { lines: number };
}
