import DataLoader from 'dataloader';
import type { BaselineDatabase } from './baseline-database';

/** A per-request loader of the rows of `table` whose "proposalId" is the key, one query a batch. */
function byProposal<Row extends { proposalId: string }>(
  db: BaselineDatabase,
  table: string,
  columns: string,
  order: string,
): DataLoader<string, Row[]> {
  return new DataLoader(async (ids) => {
    const rows = await db.query<Row>(
      `SELECT "proposalId", ${columns} FROM ${table} WHERE "proposalId" = ANY($1) ORDER BY ${order}`,
      [ids],
    );
    const grouped = new Map<string, Row[]>(ids.map((id) => [id, []]));
    for (const row of rows) grouped.get(row.proposalId)!.push(row);
    return ids.map((id) => grouped.get(id)!);
  });
}

export interface RevisionRow {
  proposalId: string;
  number: number;
  contentHash: string;
  drafts: { channel: string; body: string; mediaUrls: string[] }[];
}

export interface EvidenceRow {
  proposalId: string;
  id: string;
  kind: string;
  summary: string;
  status: string;
  createdAt: Date;
  details: Record<string, unknown> | null;
}

export interface RiskNoteRow {
  proposalId: string;
  likelihood: number;
  impact: number;
}

export interface StepRow {
  proposalId: string;
  id: string;
  round: number;
}

export interface DecisionRow {
  proposalId: string;
  stepId: string;
  outcome: string;
  revisionNumber: number;
}

/** What the page's nested lists are read with: the tables Standpoint's loaders read. */
export function baselineLoaders(db: BaselineDatabase) {
  return {
    revisions: byProposal<RevisionRow>(db, 'revision', 'number, "contentHash", drafts', 'number'),
    evidence: byProposal<EvidenceRow>(
      db,
      'evidence',
      'id, kind, summary, status, "createdAt", details',
      'id',
    ),
    riskNotes: byProposal<RiskNoteRow>(
      db,
      'risk_note',
      'id, category, likelihood, impact, description, mitigation, status',
      'id',
    ),
    steps: byProposal<StepRow>(
      db,
      'approval_step',
      'id, round, "order", name, status, "requiredApprovals", "dueAt", escalated',
      'round, "order"',
    ),
    decisions: byProposal<DecisionRow>(db, 'decision', '"stepId", outcome, "revisionNumber"', 'id'),
  };
}

export type BaselineLoaders = ReturnType<typeof baselineLoaders>;
