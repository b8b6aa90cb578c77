import { GraphQLError, GraphQLScalarType } from 'graphql';
// The product's rules of channel lengths and risk scores: the same answers, not the same framework.
import {
  CHANNEL_LIMITS,
  Channel,
  channelLength,
  riskScore,
  severityOf,
} from '../../libs/proposals/src/rules';
import type { BaselineDatabase } from './baseline-database';
import type { BaselineLoaders, EvidenceRow, RiskNoteRow } from './baseline-loaders';
import type { BaselineViewer } from './baseline-auth';

export interface BaselineContext {
  db: BaselineDatabase;
  viewer: BaselineViewer;
  loaders: BaselineLoaders;
}

interface ProposalRow {
  id: string;
  currentRevisionNumber: number;
  reviewRound: number;
}

const PAGE = { default: 20, max: 100 };

/** The concrete Evidence type of each kind, as Standpoint's evidence model tells them apart. */
const TYPE_OF_KIND: Record<string, string> = {
  LISTENING_SNAPSHOT: 'ListeningSnapshot',
  AUDIENCE_COMMENT: 'AudienceComment',
  SURVEY_STAT: 'SurveyStat',
  PEER_BRAND_EXAMPLE: 'PeerBrandExample',
  POST_PUBLISH_REACTION: 'PostPublishReaction',
};

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** A cursor as Standpoint writes one: the row's sort key as base64url JSON. */
const cursorOf = (id: string) => Buffer.from(JSON.stringify([id])).toString('base64url');

/**
 * The resolvers of the fields the bench reads, on Standpoint's own schema (schema.gql); every
 * other field is left to the default resolver. `proposals` takes neither a filter nor a cursor
 * here: the bench sends neither.
 */
export const baselineResolvers = {
  DateTime: new GraphQLScalarType<Date, string | null>({
    name: 'DateTime',
    serialize: (value) => (value instanceof Date ? value.toISOString() : null),
  }),
  Query: {
    async proposals(
      _: unknown,
      { brandId, first }: { brandId: string; first?: number | null },
      { db, viewer }: BaselineContext,
    ) {
      if (!viewer.brandRoles.get(brandId)?.length)
        throw new GraphQLError('Brand not found', { extensions: { code: 'NOT_FOUND' } });
      const size = first ?? PAGE.default;
      if (!Number.isInteger(size) || size < 1 || size > PAGE.max)
        throw badInput(`first must be a whole number between 1 and ${PAGE.max} (got ${size})`);
      const [[{ count }], rows] = await Promise.all([
        db.query<{ count: string }>(`SELECT count(*) FROM proposal WHERE "brandId" = $1`, [
          brandId,
        ]),
        db.query<ProposalRow>(
          `SELECT id, title, issue, state, urgency, version, "updatedAt", "currentRevisionNumber",
                  "reviewRound"
             FROM proposal WHERE "brandId" = $1 ORDER BY id DESC LIMIT $2`,
          [brandId, size + 1],
        ),
      ]);
      const edges = rows.slice(0, size).map((row) => ({ cursor: cursorOf(row.id), node: row }));
      return {
        totalCount: Number(count),
        pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
        edges,
      };
    },
  },
  Proposal: {
    async currentRevision(proposal: ProposalRow, _: unknown, { loaders }: BaselineContext) {
      const revisions = await loaders.revisions.load(proposal.id);
      return revisions.find((revision) => revision.number === proposal.currentRevisionNumber);
    },
    async evidence(
      proposal: ProposalRow,
      { includeHistory }: { includeHistory: boolean },
      { loaders }: BaselineContext,
    ) {
      const rows = await loaders.evidence.load(proposal.id);
      return rows
        .filter((row) => includeHistory || row.status === 'ACTIVE')
        .map((row: EvidenceRow) => ({ ...row, ...row.details }));
    },
    riskNotes: (proposal: ProposalRow, _: unknown, { loaders }: BaselineContext) =>
      loaders.riskNotes.load(proposal.id),
    async approvalSteps(proposal: ProposalRow, _: unknown, { loaders }: BaselineContext) {
      const [steps, decisions] = await Promise.all([
        loaders.steps.load(proposal.id),
        loaders.decisions.load(proposal.id),
      ]);
      return steps
        .filter((step) => step.round === proposal.reviewRound)
        .map((step) => ({
          ...step,
          approvals: decisions.filter(
            (d) =>
              d.stepId === step.id &&
              d.outcome === 'APPROVE' &&
              d.revisionNumber === proposal.currentRevisionNumber,
          ).length,
        }));
    },
  },
  ChannelDraft: {
    length: (draft: { channel: Channel; body: string }) => channelLength(draft.channel, draft.body),
    limit: (draft: { channel: Channel }) => CHANNEL_LIMITS[draft.channel].limit,
  },
  Evidence: {
    __resolveType: (row: EvidenceRow) => TYPE_OF_KIND[row.kind] ?? 'GeneralEvidence',
  },
  RiskNote: {
    score: (note: RiskNoteRow) => riskScore(note.likelihood, note.impact),
    severity: (note: RiskNoteRow) => severityOf(riskScore(note.likelihood, note.impact)),
  },
};
