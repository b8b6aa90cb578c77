export interface ListeningImportLimits {
  maxBytes: number;
  maxRows: number;
  maxRecordBytes: number;
  maxPreambleRecords: number;
  lineProblemsShown: number;
  topTerms: number;
  maxTermLength: number;
}

/**
 * What one listening import may be (docs/listening-imports.md, Limits). The file is read as a
 * stream, so memory does not grow with it, but the time it holds a request does; both limits are
 * far above a month of daily figures or a crisis week's mention export.
 */
export const LISTENING_IMPORT_LIMITS: Readonly<ListeningImportLimits> = Object.freeze({
  /** The largest file read, in bytes (32 MiB); a larger one is refused (HTTP 413). */
  maxBytes: 32 * 1024 * 1024,
  /** The most rows read under the header; a file with more is refused (HTTP 413). */
  maxRows: 200_000,
  /** The longest record (one row, quoted line breaks and all): 1 MiB, far above a mention's text. */
  maxRecordBytes: 1024 * 1024,
  /** The table's header must come within this many records (the report lines above it). */
  maxPreambleRecords: 50,
  /** The bad rows told one by one; those after them are only counted. */
  lineProblemsShown: 100,
  /** The terms a snapshot keeps, the most mentioned first. */
  topTerms: 10,
  /** The longest term, in characters: a longer one is most likely a column of text, not terms. */
  maxTermLength: 100,
});
