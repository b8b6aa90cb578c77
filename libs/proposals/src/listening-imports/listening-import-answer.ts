import { EvidenceImport } from '@standpoint/events';
import { ListeningFigures, ListeningTerm } from '../rules';

/** What an import answers (the upload route's JSON, the command's output). */
export interface ListeningImportAnswer {
  evidenceId: string;
  source: string;
  fileName: string;
  sourceFileSha256: string;
  bytes: number;
  rowsRead: number;
  query: string;
  periodStart: string;
  periodEnd: string;
  mentionCount: number;
  positive: number;
  neutral: number;
  negative: number;
  unrated: number;
  positiveShare: number;
  neutralShare: number;
  negativeShare: number;
  topTerms: ListeningTerm[];
}

export function listeningImportAnswer(
  evidenceId: string,
  from: EvidenceImport,
  query: string,
  figures: ListeningFigures,
): ListeningImportAnswer {
  return {
    evidenceId,
    source: from.source,
    fileName: from.fileName,
    sourceFileSha256: from.fileSha256,
    bytes: from.bytes,
    rowsRead: from.rowsRead,
    query,
    periodStart: figures.periodStart.toISOString(),
    periodEnd: figures.periodEnd.toISOString(),
    mentionCount: figures.mentionCount,
    positive: figures.positive,
    neutral: figures.neutral,
    negative: figures.negative,
    unrated: figures.unrated,
    positiveShare: figures.positiveShare,
    neutralShare: figures.neutralShare,
    negativeShare: figures.negativeShare,
    topTerms: figures.topTerms,
  };
}
