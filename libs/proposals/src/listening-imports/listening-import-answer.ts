import { EvidenceImport } from '@standpoint/events';
import { ListeningFigures } from '../rules';

/** What an import answers (the upload route's JSON, the command's output): dates as ISO text. */
export type ListeningImportAnswer = Omit<ListeningFigures, 'periodStart' | 'periodEnd'> & {
  evidenceId: string;
  source: string;
  fileName: string;
  sourceFileSha256: string;
  bytes: number;
  query: string;
  periodStart: string;
  periodEnd: string;
};

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
    ...figures,
    query,
    periodStart: figures.periodStart.toISOString(),
    periodEnd: figures.periodEnd.toISOString(),
  };
}
