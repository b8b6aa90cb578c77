import { DateTimeScalar } from '@standpoint/graphql';
import { Field, Float, ID, Int, InterfaceType, ObjectType } from '@nestjs/graphql';
import { EvidenceEntity } from '../evidence.entity';
import { EvidenceKind, EvidenceStatus, ListeningSource, PeerReception } from './enums.graphql';

/** Typed evidence; the concrete type follows the kind. Told apart by class. */
@InterfaceType('Evidence', { resolveType: (value: object) => value.constructor })
export abstract class EvidenceModel {
  proposalId!: string;
  addedById!: string;
  correctsId!: string | null;
  citedFromId!: string | null;

  @Field(() => ID)
  id!: string;

  @Field(() => EvidenceKind)
  kind!: EvidenceKind;

  @Field()
  summary!: string;

  @Field(() => String, { nullable: true })
  sourceUrl!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  capturedAt!: Date | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => EvidenceStatus)
  status!: EvidenceStatus;

  @Field(() => String, { nullable: true, description: 'Why it was corrected or withdrawn.' })
  statusReason!: string | null;
}

@ObjectType('ListeningTerm', { description: 'A term of a listening export and its mentions.' })
export class ListeningTermModel {
  @Field()
  term!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ListeningSnapshot', { implements: () => [EvidenceModel] })
export class ListeningSnapshotModel extends EvidenceModel {
  @Field()
  query!: string;

  @Field(() => DateTimeScalar)
  periodStart!: Date;

  @Field(() => DateTimeScalar)
  periodEnd!: Date;

  @Field(() => Int)
  mentionCount!: number;

  @Field(() => Float)
  positiveShare!: number;

  @Field(() => Float)
  neutralShare!: number;

  @Field(() => Float)
  negativeShare!: number;

  @Field(() => [ListeningTermModel], {
    description: 'The most mentioned terms of an imported export, most first; empty when typed in.',
  })
  topTerms!: ListeningTermModel[];

  @Field(() => ListeningSource, {
    nullable: true,
    description: 'The tool whose export this was imported from; null when typed in.',
  })
  importedFrom!: ListeningSource | null;

  @Field(() => String, { nullable: true, description: 'The imported file, as it was named.' })
  sourceFileName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "SHA-256 of the imported file's bytes (hex), to check a kept copy against.",
  })
  sourceFileSha256!: string | null;

  @Field(() => Int, { nullable: true, description: "The rows read under the file's header." })
  rowsRead!: number | null;
}

@ObjectType('AudienceComment', { implements: () => [EvidenceModel] })
export class AudienceCommentModel extends EvidenceModel {
  @Field()
  quote!: string;

  @Field(() => String, { nullable: true })
  platform!: string | null;
}

@ObjectType('SurveyStat', { implements: () => [EvidenceModel] })
export class SurveyStatModel extends EvidenceModel {
  @Field(() => Float, { description: 'A percentage, 0 to 100.' })
  statistic!: number;

  @Field(() => Int, { nullable: true })
  sampleSize!: number | null;

  @Field()
  source!: string;
}

@ObjectType('PeerBrandExample', { implements: () => [EvidenceModel] })
export class PeerBrandExampleModel extends EvidenceModel {
  @Field()
  peerBrand!: string;

  @Field()
  action!: string;

  @Field(() => PeerReception)
  reception!: PeerReception;
}

@ObjectType('PostPublishReaction', {
  implements: () => [EvidenceModel],
  description: 'How our own published post was received; part of the precedent library.',
})
export class PostPublishReactionModel extends EvidenceModel {
  @Field(() => PeerReception)
  reception!: PeerReception;
}

@ObjectType('GeneralEvidence', { implements: () => [EvidenceModel] })
export class GeneralEvidenceModel extends EvidenceModel {}

const MODEL_OF_KIND: Record<EvidenceKind, new () => EvidenceModel> = {
  LISTENING_SNAPSHOT: ListeningSnapshotModel,
  AUDIENCE_COMMENT: AudienceCommentModel,
  SURVEY_STAT: SurveyStatModel,
  PEER_BRAND_EXAMPLE: PeerBrandExampleModel,
  POST_PUBLISH_REACTION: PostPublishReactionModel,
  EMPLOYEE_SENTIMENT: GeneralEvidenceModel,
  NEWS_COVERAGE: GeneralEvidenceModel,
};

const DATE_DETAILS = new Set(['periodStart', 'periodEnd']);

/** The evidence row as its concrete GraphQL type, its detail object spread into fields. */
export function evidenceModel(row: EvidenceEntity): EvidenceModel {
  const details = Object.fromEntries(
    Object.entries(row.details ?? {}).map(([key, value]) => [
      key,
      DATE_DETAILS.has(key) ? new Date(String(value)) : value,
    ]),
  );
  return Object.assign(new MODEL_OF_KIND[row.kind](), {
    id: row.id,
    proposalId: row.proposalId,
    addedById: row.addedById,
    correctsId: row.correctsId,
    citedFromId: row.citedFromId,
    kind: row.kind,
    summary: row.summary,
    sourceUrl: row.sourceUrl,
    capturedAt: row.capturedAt,
    createdAt: row.createdAt,
    status: row.status,
    statusReason: row.statusReason,
    ...(row.kind === EvidenceKind.LISTENING_SNAPSHOT ? importOf(row) : {}),
    ...details,
  });
}

/** Where a listening snapshot came from; a typed one has no terms and no file. */
function importOf(row: EvidenceEntity): Partial<ListeningSnapshotModel> {
  return {
    topTerms: [],
    importedFrom: row.importedFrom,
    sourceFileName: row.sourceFileName,
    sourceFileSha256: row.sourceFileSha256,
    rowsRead: row.rowsRead,
  };
}
