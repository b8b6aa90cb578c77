import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { AUDIT_ENTITY_TYPES, AuditData, EvidenceContent, EvidenceImport } from '@standpoint/events';
import { Operation, requireBrandOperation, requireUser } from '@standpoint/identity';
import {
  AddEvidenceInput,
  CitePrecedentInput,
  CorrectEvidenceInput,
  EvidenceContentInput,
  WithdrawEvidenceInput,
} from './inputs/add-evidence.input';
import { EvidenceModel, evidenceModel } from './models/evidence.model';
import { EvidenceEntity } from './evidence.entity';
import { dossierClosed, ProposalAccess } from './proposal-access';
import { ProposalEntity } from './proposal.entity';
import {
  canAddEvidence,
  DETAIL_OF_KIND,
  DOSSIER_OPEN_STATES,
  evidenceProblems,
  EvidenceKind,
  EvidenceStatus,
  ListeningSource,
} from './rules';
import { isPrecedent } from './precedents.service';

/** Adding, correcting, withdrawing and citing evidence: nothing is ever silently deleted. */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly access: ProposalAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  add(ctx: RequestContext, input: AddEvidenceInput): Promise<EvidenceModel> {
    return this.insertAdded(ctx, input, null);
  }

  /**
   * Adds evidence read from a file (a listening export), as `add` does, with the file it came
   * from on the row and in the evidence.added event.
   */
  addImported(
    ctx: RequestContext,
    input: AddEvidenceInput,
    from: EvidenceImport & { source: ListeningSource },
  ): Promise<EvidenceModel> {
    return this.insertAdded(ctx, input, from);
  }

  /**
   * Refuses, as `add` would, a caller who may not add evidence of `kind` to the proposal now: for
   * a file to be checked before it is read. `add` checks again in its transaction.
   */
  async requireMayAdd(ctx: RequestContext, proposalId: string, kind: EvidenceKind): Promise<void> {
    const proposal = await this.access.forReading(ctx, proposalId);
    requireBrandOperation(ctx, proposal.brandId, Operation.ADD_EVIDENCE);
    this.requireEvidenceAllowed(proposal, kind);
  }

  private async insertAdded(
    ctx: RequestContext,
    input: AddEvidenceInput,
    from: (EvidenceImport & { source: ListeningSource }) | null,
  ): Promise<EvidenceModel> {
    const proposal = await this.access.forChange(ctx, input.proposalId, Operation.ADD_EVIDENCE);
    this.validate(input.kind, input);
    this.requireEvidenceAllowed(proposal, input.kind);
    const row: EvidenceEntity = {
      ...this.row(proposal, input.kind, input, requireUser(ctx).userId),
      ...(from && {
        importedFrom: from.source,
        sourceFileName: from.fileName,
        sourceFileSha256: from.fileSha256,
        rowsRead: from.rowsRead,
      }),
    };
    await ctx.em.insert(EvidenceEntity, row);
    await this.record(ctx, row, 'evidence.added', {
      proposalId: row.proposalId,
      ...(from && { import: from }),
      ...contentOf(row),
    });
    return evidenceModel(row);
  }

  /** Replaces what the evidence says; the old version stays, marked CORRECTED. Author only. */
  async correct(ctx: RequestContext, input: CorrectEvidenceInput): Promise<EvidenceModel> {
    const { evidence, proposal } = await this.ownActiveEvidence(ctx, input.evidenceId, 'correct');
    this.validate(evidence.kind, input);
    this.requireEvidenceAllowed(proposal, evidence.kind);
    const now = this.clock.now();
    await this.retire(ctx, evidence, EvidenceStatus.CORRECTED, input.reason, now);
    const row = {
      ...this.row(proposal, evidence.kind, input, evidence.addedById),
      correctsId: evidence.id,
      citedFromId: evidence.citedFromId,
    };
    await ctx.em.insert(EvidenceEntity, row);
    await this.record(ctx, row, 'evidence.corrected', {
      proposalId: row.proposalId,
      corrects: evidence.id,
      reason: input.reason,
      before: contentOf(evidence),
      after: contentOf(row),
    });
    return evidenceModel(row);
  }

  /** Takes the evidence out of the dossier with a reason; it stays on record as WITHDRAWN. Author only. */
  async withdraw(ctx: RequestContext, input: WithdrawEvidenceInput): Promise<EvidenceModel> {
    const { evidence, proposal } = await this.ownActiveEvidence(ctx, input.evidenceId, 'withdraw');
    if (
      !DOSSIER_OPEN_STATES.has(proposal.state) &&
      evidence.kind !== EvidenceKind.POST_PUBLISH_REACTION
    ) {
      throw dossierClosed(proposal.state, 'changes to evidence');
    }
    const now = this.clock.now();
    await this.retire(ctx, evidence, EvidenceStatus.WITHDRAWN, input.reason, now);
    const withdrawn = {
      ...evidence,
      status: EvidenceStatus.WITHDRAWN,
      statusReason: input.reason,
      updatedAt: now,
    };
    await this.record(ctx, withdrawn, 'evidence.withdrawn', {
      proposalId: withdrawn.proposalId,
      reason: input.reason,
      kind: evidence.kind,
      summary: evidence.summary,
    });
    return evidenceModel(withdrawn);
  }

  /** Copies a precedent of the brand into a proposal's dossier, linked to where it came from. */
  async cite(ctx: RequestContext, input: CitePrecedentInput): Promise<EvidenceModel> {
    const proposal = await this.access.forChange(ctx, input.proposalId, Operation.ADD_EVIDENCE);
    this.access.requireDossierOpen(proposal, 'precedents');
    const precedent = await ctx.em.findOneBy(EvidenceEntity, {
      id: input.precedentId,
      brandId: proposal.brandId,
    });
    const origin =
      precedent && (await ctx.em.findOneBy(ProposalEntity, { id: precedent.proposalId }));
    if (!precedent || !origin || !isPrecedent(precedent, origin)) {
      throw DomainError.notFound('Precedent');
    }
    if (origin.id === proposal.id)
      throw DomainError.conflict('This evidence is in this proposal already');
    const already = await ctx.em.findOneBy(EvidenceEntity, {
      proposalId: proposal.id,
      citedFromId: precedent.id,
      status: EvidenceStatus.ACTIVE,
    });
    if (already) return evidenceModel(already);
    const now = this.clock.now();
    const row: EvidenceEntity = {
      ...precedent,
      id: newId('evd'),
      proposalId: proposal.id,
      status: EvidenceStatus.ACTIVE,
      statusReason: null,
      correctsId: null,
      citedFromId: precedent.id,
      addedById: requireUser(ctx).userId,
      createdAt: now,
      updatedAt: now,
    };
    await ctx.em.insert(EvidenceEntity, row);
    await this.record(ctx, row, 'evidence.cited', {
      proposalId: row.proposalId,
      citedFrom: precedent.id,
      fromProposal: origin.id,
      ...contentOf(row),
    });
    return evidenceModel(row);
  }

  private requireEvidenceAllowed(proposal: ProposalEntity, kind: EvidenceKind): void {
    if (canAddEvidence(proposal.state, kind)) return;
    if (kind === EvidenceKind.POST_PUBLISH_REACTION) {
      throw DomainError.conflict(
        `The proposal is ${proposal.state}: the reaction to a post is recorded once it is published`,
      );
    }
    throw dossierClosed(proposal.state, 'evidence');
  }

  private validate(kind: EvidenceKind, input: EvidenceContentInput): void {
    const problems = evidenceProblems({ ...input, kind });
    if (problems.length > 0) throw DomainError.invalidField(problems);
  }

  private async ownActiveEvidence(ctx: RequestContext, evidenceId: string, verb: string) {
    const evidence = await ctx.em.findOneBy(EvidenceEntity, { id: evidenceId });
    if (!evidence) throw DomainError.notFound('Evidence');
    const proposal = await this.access.forChange(ctx, evidence.proposalId, Operation.ADD_EVIDENCE);
    if (evidence.addedById !== requireUser(ctx).userId) {
      throw DomainError.forbidden(`Only the person who added this evidence may ${verb} it`);
    }
    if (evidence.status !== EvidenceStatus.ACTIVE) {
      throw DomainError.conflict(
        `This evidence is ${evidence.status} already; ${verb} its current version`,
      );
    }
    return { evidence, proposal };
  }

  /** Marks the evidence CORRECTED or WITHDRAWN if it is still ACTIVE; a concurrent change loses. */
  private async retire(
    ctx: RequestContext,
    evidence: EvidenceEntity,
    status: EvidenceStatus,
    reason: string,
    now: Date,
  ) {
    const result = await ctx.em
      .createQueryBuilder()
      .update(EvidenceEntity)
      .set({ status, statusReason: reason, updatedAt: now })
      .where('id = :id AND status = :active', { id: evidence.id, active: EvidenceStatus.ACTIVE })
      .execute();
    if (result.affected !== 1)
      throw DomainError.conflict('This evidence was changed meanwhile; reload it');
  }

  private row(
    proposal: ProposalEntity,
    kind: EvidenceKind,
    input: EvidenceContentInput,
    addedById: string,
  ): EvidenceEntity {
    const now = this.clock.now();
    const detailKey = DETAIL_OF_KIND[kind];
    const details = detailKey ? jsonOf(input[detailKey]) : null;
    return {
      id: newId('evd'),
      proposalId: proposal.id,
      brandId: proposal.brandId,
      kind,
      summary: input.summary.trim(),
      sourceUrl: input.sourceUrl?.trim() || null,
      capturedAt: input.capturedAt ?? null,
      details,
      reception: (details as { reception?: EvidenceEntity['reception'] } | null)?.reception ?? null,
      status: EvidenceStatus.ACTIVE,
      statusReason: null,
      correctsId: null,
      citedFromId: null,
      importedFrom: null,
      sourceFileName: null,
      sourceFileSha256: null,
      rowsRead: null,
      addedById,
      createdAt: now,
      updatedAt: now,
    };
  }

  private record<A extends EvidenceAction>(
    ctx: RequestContext,
    row: EvidenceEntity,
    action: A,
    data: AuditData<A>,
  ) {
    return this.audit.append(ctx, {
      brandId: row.brandId,
      action,
      entityType: AUDIT_ENTITY_TYPES[action],
      entityId: row.id,
      data,
    });
  }
}

type EvidenceAction =
  'evidence.added' | 'evidence.cited' | 'evidence.corrected' | 'evidence.withdrawn';

/** What the evidence says, as the audit trail records it. */
function contentOf(row: EvidenceEntity): EvidenceContent {
  return {
    kind: row.kind,
    summary: row.summary,
    sourceUrl: row.sourceUrl,
    capturedAt: row.capturedAt?.toISOString() ?? null,
    details: row.details,
  };
}

/** The detail object as JSON (dates as ISO text), without undefined members. */
function jsonOf(value: object | null | undefined): Record<string, unknown> | null {
  return value ? (JSON.parse(JSON.stringify(value)) as Record<string, unknown>) : null;
}
