import { Injectable } from '@nestjs/common';
import { RequestContext, TransactionRunner } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { textProblem } from '@standpoint/graphql';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { EvidenceService } from '../evidence.service';
import { AddEvidenceInput } from '../inputs/add-evidence.input';
import {
  EvidenceKind,
  LISTENING_PRESETS,
  ListeningMapping,
  ListeningSource,
  listeningSummary,
  mappingProblems,
  presetNamed,
  PRESET_NAMES,
} from '../rules';
import { ListeningImportAnswer, listeningImportAnswer } from './listening-import-answer';
import { ReadProgress, readListeningExport } from './read-listening-export';

/** One import: the file, how to read it, and what to call it. */
export interface ListeningImportRequest {
  proposalId: string;
  file: Readable;
  fileName: string;
  /** A preset's name (brandwatch, sprout-social…), or else `mapping`. */
  preset?: string;
  /** A column mapping, as a person wrote it (checked here). */
  mapping?: unknown;
  /** The listening query; without it, the one the file's report lines name. */
  query?: string;
  onProgress?: ReadProgress;
}

const QUERY_MAX_LENGTH = 1000;
const FILE_NAME_MAX_LENGTH = 255;

/**
 * Imports a listening tool's CSV export into a proposal as a ListeningSnapshot evidence, for the
 * upload route and the command line alike. The caller's right to add evidence is checked before
 * the file is read; the file is read whole before anything is written, and then the evidence and
 * its evidence.added event are written in one transaction: a file with one bad row writes nothing.
 */
@Injectable()
export class ListeningImportsService {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly transactions: TransactionRunner,
  ) {}

  async import(
    ctx: RequestContext,
    request: ListeningImportRequest,
  ): Promise<ListeningImportAnswer> {
    const { source, mapping } = sourceOf(request);
    const fileName = fileNameOf(request.fileName);
    await this.evidence.requireMayAdd(ctx, request.proposalId, EvidenceKind.LISTENING_SNAPSHOT);

    const read = await readListeningExport(request.file, mapping, request.onProgress);
    if (read.outcome === 'too large')
      throw DomainError.tooLarge(`${read.message}; nothing was imported`);
    if (read.outcome === 'bad rows') {
      throw DomainError.badInput(
        `${fileName} has ${read.problemCount} bad ${read.problemCount === 1 ? 'row' : 'rows'}; nothing was imported`,
        { lines: read.problems, badRowCount: read.problemCount },
      );
    }
    const { figures, sha256, bytes } = read;
    const query = queryOf(request.query ?? figures.query);
    for (const { term } of figures.topTerms)
      refuseUnreadable(`The top term ${JSON.stringify(term)}`, term);
    const listening = {
      query,
      periodStart: figures.periodStart,
      periodEnd: figures.periodEnd,
      mentionCount: figures.mentionCount,
      positiveShare: figures.positiveShare,
      neutralShare: figures.neutralShare,
      negativeShare: figures.negativeShare,
      topTerms: figures.topTerms,
    };
    const input: AddEvidenceInput = {
      proposalId: request.proposalId,
      kind: EvidenceKind.LISTENING_SNAPSHOT,
      summary: listeningSummary(source, query, figures),
      listening,
    };
    const from = { source, fileName, fileSha256: sha256, bytes, rowsRead: figures.rowsRead };
    const evidence = await this.transactions.run(ctx, () =>
      this.evidence.addImported(ctx, input, from),
    );
    return listeningImportAnswer(evidence.id, from, query, figures);
  }
}

function sourceOf(request: ListeningImportRequest): {
  source: ListeningSource;
  mapping: ListeningMapping;
} {
  if ((request.preset === undefined) === (request.mapping === undefined)) {
    throw DomainError.badInput(
      `Name a preset (${PRESET_NAMES.join(', ')}) or give a column mapping, one of the two`,
    );
  }
  if (request.preset !== undefined) {
    const preset = presetNamed(request.preset);
    if (!preset) {
      throw DomainError.badInput(
        `${JSON.stringify(request.preset)} is not a preset: ${PRESET_NAMES.join(', ')}`,
      );
    }
    return { source: preset, mapping: LISTENING_PRESETS[preset] };
  }
  const problems = mappingProblems(request.mapping);
  if (problems.length > 0) {
    throw DomainError.invalidField(
      problems.map((p) => ({ field: `mapping.${p.field}`, rule: 'mapping', message: p.message })),
    );
  }
  return { source: ListeningSource.MAPPING, mapping: request.mapping as ListeningMapping };
}

function queryOf(query: string | null | undefined): string {
  const trimmed = query?.trim();
  if (!trimmed) {
    throw DomainError.badInput(
      "Name the listening query: the file's report lines do not; nothing was imported",
    );
  }
  if (trimmed.length > QUERY_MAX_LENGTH) {
    throw DomainError.badInput(`The query is longer than ${QUERY_MAX_LENGTH} characters`);
  }
  refuseUnreadable('The query', trimmed);
  return trimmed;
}

/** The file's own name, without a folder. */
function fileNameOf(name: string): string {
  const own = basename(name.replace(/\\/g, '/')).trim();
  if (!own || own.length > FILE_NAME_MAX_LENGTH) {
    throw DomainError.badInput(`The file name must be 1 to ${FILE_NAME_MAX_LENGTH} characters`);
  }
  refuseUnreadable('The file name', own);
  return own;
}

/**
 * The input rule every GraphQL string meets, for what an import stores from outside GraphQL: no
 * control character (NUL, ESC…), lone surrogate or non-character.
 */
function refuseUnreadable(what: string, text: string): void {
  const problem = textProblem(text);
  if (problem) throw DomainError.badInput(`${what} ${problem}; nothing was imported`);
}
