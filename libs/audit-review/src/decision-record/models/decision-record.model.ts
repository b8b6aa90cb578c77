import { DateTimeScalar } from '@standpoint/graphql';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  DraftChangeKind,
  RecordLineKind,
  TextPartKind,
  type DraftChange,
  type RecordDraft,
  type RecordedAcceptedRisk,
  type RecordedComment,
  type RecordedDecision,
  type RecordedEvidence,
  type RecordedEvidenceContent,
  type RecordedOverride,
  type RecordedRecommendation,
  type RecordedRevision,
  type RecordedRisk,
  type RecordedRiskNote,
  type RecordLine,
  type SeenHashes,
  type StateChange,
  type TextPart,
} from '../decision-record-types';
import { ProposalState } from '@standpoint/proposals';

// The record's values are as the audit events recorded them, so enumerations of other features
// (states, outcomes, categories) are kept as their text here: the record never fails to render.

registerEnumType(RecordLineKind, {
  name: 'DecisionRecordLineKind',
  description: 'What a line of the decision record tells.',
});
registerEnumType(DraftChangeKind, { name: 'DraftChangeKind' });
registerEnumType(TextPartKind, { name: 'TextPartKind' });

@ObjectType('TextPart', { description: 'A run of text kept, added or removed by a revision.' })
export class TextPartModel implements TextPart {
  @Field(() => TextPartKind)
  kind!: TextPartKind;

  @Field()
  text!: string;
}

@ObjectType('DraftChange', { description: "One channel's draft against the previous revision." })
export class DraftChangeModel implements DraftChange {
  @Field()
  channel!: string;

  @Field(() => DraftChangeKind)
  change!: DraftChangeKind;

  @Field(() => [TextPartModel], { description: 'The body word by word, in reading order.' })
  parts!: TextPartModel[];

  @Field(() => [String])
  addedMediaUrls!: string[];

  @Field(() => [String])
  removedMediaUrls!: string[];
}

@ObjectType('RecordedDraft')
export class RecordedDraftModel implements RecordDraft {
  @Field()
  channel!: string;

  @Field()
  body!: string;

  @Field(() => [String])
  mediaUrls!: string[];
}

@ObjectType('RecordedRevision')
export class RecordedRevisionModel implements RecordedRevision {
  @Field(() => Int)
  number!: number;

  @Field()
  contentHash!: string;

  @Field(() => [RecordedDraftModel])
  drafts!: RecordedDraftModel[];

  @Field(() => [DraftChangeModel], {
    description: 'Against the previous revision; empty for the first.',
  })
  changes!: DraftChangeModel[];
}

@ObjectType('RecordedEvidenceContent', { description: 'What a version of an evidence item says.' })
export class RecordedEvidenceContentModel implements RecordedEvidenceContent {
  @Field(() => String, { nullable: true })
  kind!: string | null;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => String, { nullable: true })
  sourceUrl!: string | null;
}

@ObjectType('RecordedEvidence', {
  description:
    'The evidence a line adds, cites, corrects or withdraws: for a correction, the new version.',
})
export class RecordedEvidenceModel implements RecordedEvidence {
  @Field(() => ID)
  evidenceId!: string;

  @Field(() => String, { nullable: true })
  kind!: string | null;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Null for a withdrawal, whose event records only the kind and summary.',
  })
  sourceUrl!: string | null;

  @Field(() => ID, { nullable: true, description: 'The version a correction replaces.' })
  correctsId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The precedent a citation copies.' })
  citedFromId!: string | null;

  @Field(() => RecordedEvidenceContentModel, {
    nullable: true,
    description: 'For a correction, what the version it replaces said; null otherwise.',
  })
  before!: RecordedEvidenceContentModel | null;
}

@ObjectType('RecordedComment', {
  description: 'A comment on the proposal, as its audit event recorded it.',
})
export class RecordedCommentModel implements RecordedComment {
  @Field(() => ID)
  commentId!: string;

  @Field()
  body!: string;

  @Field(() => [ID], { description: 'The members it @mentions, resolved when it was written.' })
  mentionedUserIds!: string[];
}

@ObjectType('RecordedRiskNote')
export class RecordedRiskNoteModel implements RecordedRiskNote {
  @Field(() => ID)
  riskNoteId!: string;

  @Field(() => String, { nullable: true })
  category!: string | null;

  @Field(() => Int, { nullable: true })
  likelihood!: number | null;

  @Field(() => Int, { nullable: true })
  impact!: number | null;

  @Field(() => Int, { nullable: true })
  score!: number | null;

  @Field(() => String, { nullable: true })
  severity!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true })
  mitigation!: string | null;

  @Field(() => String, { nullable: true })
  status!: string | null;

  @Field(() => String, { nullable: true })
  previousStatus!: string | null;
}

@ObjectType('RecordedRecommendation')
export class RecordedRecommendationModel implements RecordedRecommendation {
  @Field()
  recommendation!: string;

  @Field(() => String, { nullable: true })
  rationale!: string | null;

  @Field(() => Int, { nullable: true })
  revisionNumber!: number | null;
}

@ObjectType('RecordedRisk')
export class RecordedRiskModel implements RecordedRisk {
  @Field()
  category!: string;

  @Field(() => Int)
  likelihood!: number;

  @Field(() => Int)
  impact!: number;
}

@ObjectType('SeenHashes', {
  description: "What the approver saw, as the decision's audit event hashed it.",
})
export class SeenHashesModel implements SeenHashes {
  @Field()
  revision!: string;

  @Field()
  evidence!: string;

  @Field()
  riskNotes!: string;
}

@ObjectType('RecordedAcceptedRisk', {
  description: 'An open HIGH or CRITICAL risk of speaking that an approval accepted.',
})
export class RecordedAcceptedRiskModel implements RecordedAcceptedRisk {
  @Field()
  category!: string;

  @Field(() => Int)
  likelihood!: number;

  @Field(() => Int)
  impact!: number;

  @Field(() => Int)
  score!: number;

  @Field()
  severity!: string;

  @Field(() => String, {
    nullable: true,
    description: 'As noted; null in events recorded before accepted risks were listed one by one.',
  })
  description!: string | null;
}

@ObjectType('RecordedOverride', {
  description: 'What an approver acknowledged to approve against a warning or past open risks.',
})
export class RecordedOverrideModel implements RecordedOverride {
  @Field(() => [String])
  acknowledgedReasons!: string[];

  @Field(() => String, { nullable: true, description: "The approver's written reason." })
  acknowledgement!: string | null;

  @Field(() => RecordedRecommendationModel, {
    nullable: true,
    description: "The team's recommendation that was overruled.",
  })
  recommendation!: RecordedRecommendationModel | null;

  @Field(() => [RecordedRiskModel])
  openRisks!: RecordedRiskModel[];
}

@ObjectType('RecordedDecision')
export class RecordedDecisionModel implements RecordedDecision {
  @Field(() => ID)
  decisionId!: string;

  @Field(() => ID, { nullable: true })
  approverId!: string | null;

  @Field()
  approverLabel!: string;

  @Field()
  step!: string;

  @Field(() => Int)
  round!: number;

  @Field()
  outcome!: string;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => String, { nullable: true })
  channel!: string | null;

  @Field(() => Int)
  revisionNumber!: number;

  @Field({ description: 'The exact words decided on.' })
  contentHash!: string;

  @Field(() => SeenHashesModel, { nullable: true })
  seen!: SeenHashesModel | null;

  @Field(() => RecordedRecommendationModel, {
    nullable: true,
    description: "The team's latest recommendation recorded before the decision.",
  })
  teamRecommendation!: RecordedRecommendationModel | null;

  @Field(() => RecordedRecommendationModel, {
    nullable: true,
    description:
      "The team's recommendation the decision went against: approving against HOLD or DO_NOT_POST, or rejecting against PROCEED or PROCEED_WITH_CHANGES.",
  })
  againstTeam!: RecordedRecommendationModel | null;

  @Field(() => [RecordedAcceptedRiskModel], {
    description: 'The open HIGH or CRITICAL risks of speaking the approval accepted.',
  })
  acceptedRisks!: RecordedAcceptedRiskModel[];

  @Field(() => String, {
    nullable: true,
    description:
      'What the decision went against, in words: "approved against the team\'s HOLD recommendation", "rejected although the team recommended PROCEED", "approved and accepted 2 open high risks: …".',
  })
  overrideWords!: string | null;

  @Field(() => RecordedOverrideModel, { nullable: true })
  override!: RecordedOverrideModel | null;

  @Field({ description: 'Made on words or a review round that has since been replaced.' })
  stale!: boolean;
}

@ObjectType('RecordedStateChange')
export class RecordedStateChangeModel implements StateChange {
  @Field()
  from!: string;

  @Field()
  to!: string;
}

@ObjectType('RecordedPublication')
export class RecordedPublicationModel {
  @Field(() => String, { nullable: true })
  channel!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true })
  publishAt!: string | null;
}

@ObjectType('DecisionRecordLine', {
  description: 'One step of the story, backed by one audit event.',
})
export class DecisionRecordLineModel implements RecordLine {
  @Field(() => ID, {
    description:
      'The audit event behind the line, the one that records its fact: prove it with `npx standpoint audit prove --event <id>`.',
  })
  auditEventId!: string;

  @Field(() => Int, { description: "The audit event's sequence number in the brand's chain." })
  seq!: number;

  @Field({ description: "The audit event's hash." })
  hash!: string;

  @Field(() => DateTimeScalar)
  at!: Date;

  @Field({ description: 'The audit action.' })
  action!: string;

  @Field(() => RecordLineKind)
  kind!: RecordLineKind;

  @Field(() => ID, { nullable: true })
  actorId!: string | null;

  @Field({ description: "A user's email, 'email-link:<email>', 'slack:<email>' or 'system'." })
  actorLabel!: string;

  @Field()
  summary!: string;

  @Field(() => Int, { nullable: true })
  revisionNumber!: number | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => RecordedStateChangeModel, { nullable: true })
  state!: RecordedStateChangeModel | null;

  @Field(() => RecordedRevisionModel, { nullable: true })
  revision!: RecordedRevisionModel | null;

  @Field(() => RecordedEvidenceModel, { nullable: true })
  evidence!: RecordedEvidenceModel | null;

  @Field(() => RecordedRiskNoteModel, { nullable: true })
  riskNote!: RecordedRiskNoteModel | null;

  @Field(() => RecordedCommentModel, { nullable: true })
  comment!: RecordedCommentModel | null;

  @Field(() => RecordedRecommendationModel, { nullable: true })
  recommendation!: RecordedRecommendationModel | null;

  @Field(() => RecordedDecisionModel, { nullable: true })
  decision!: RecordedDecisionModel | null;

  @Field(() => RecordedPublicationModel, { nullable: true })
  publication!: RecordedPublicationModel | null;
}

@ObjectType('DecisionRecord', {
  description: 'Who warned, who decided and on what evidence, in audit order.',
})
export class DecisionRecordModel {
  @Field(() => ID)
  proposalId!: string;

  @Field()
  title!: string;

  @Field(() => ProposalState, { description: 'The state now.' })
  state!: ProposalState;

  @Field(() => [DecisionRecordLineModel])
  lines!: DecisionRecordLineModel[];
}

@ObjectType('DecisionRecordLink', {
  description: 'A short-lived link to the printable decision record, for this viewer only.',
})
export class DecisionRecordLinkModel {
  @Field()
  url!: string;

  @Field(() => DateTimeScalar)
  expiresAt!: Date;
}
