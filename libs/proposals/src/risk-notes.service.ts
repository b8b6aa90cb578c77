import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { Operation, requireUser } from '@standpoint/identity';
import { AddRiskNoteInput, UpdateRiskNoteInput } from './inputs/risk-note.input';
import { RiskNoteModel } from './models/risk-note.model';
import { ProposalAccess } from './proposal-access';
import { RiskNoteEntity } from './risk-note.entity';
import { riskScore, RiskStatus, severityOf } from './rules';

@Injectable()
export class RiskNotesService {
  constructor(
    private readonly access: ProposalAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async add(ctx: RequestContext, input: AddRiskNoteInput): Promise<RiskNoteModel> {
    const proposal = await this.access.forChange(
      ctx,
      input.proposalId,
      Operation.MANAGE_RISK_NOTES,
    );
    this.access.requireDossierOpen(proposal, 'risk notes');
    const now = this.clock.now();
    const note: RiskNoteEntity = {
      id: newId('rsk'),
      proposalId: proposal.id,
      brandId: proposal.brandId,
      category: input.category,
      likelihood: input.likelihood,
      impact: input.impact,
      description: input.description.trim(),
      mitigation: input.mitigation?.trim() || null,
      status: RiskStatus.OPEN,
      authorId: requireUser(ctx).userId,
      createdAt: now,
      updatedAt: now,
    };
    await ctx.em.insert(RiskNoteEntity, note);
    const score = riskScore(note.likelihood, note.impact);
    await this.audit.append(ctx, {
      brandId: note.brandId,
      action: 'risk_note.added',
      entityType: 'RiskNote',
      entityId: note.id,
      data: {
        proposalId: note.proposalId,
        category: note.category,
        likelihood: note.likelihood,
        impact: note.impact,
        score,
        severity: severityOf(score),
        description: note.description,
        mitigation: note.mitigation,
      },
    });
    return RiskNoteModel.from(note);
  }

  /** Changes the status and/or mitigation; the same values again change (and record) nothing. */
  async update(ctx: RequestContext, input: UpdateRiskNoteInput): Promise<RiskNoteModel> {
    const note = await ctx.em.findOneBy(RiskNoteEntity, { id: input.riskNoteId });
    if (!note) throw DomainError.notFound('Risk note');
    const proposal = await this.access.forChange(ctx, note.proposalId, Operation.MANAGE_RISK_NOTES);
    this.access.requireDossierOpen(proposal, 'changes to risk notes');
    const after = {
      status: input.status ?? note.status,
      mitigation:
        input.mitigation === undefined || input.mitigation === null
          ? note.mitigation
          : input.mitigation.trim() || null,
    };
    if (after.status === note.status && after.mitigation === note.mitigation)
      return RiskNoteModel.from(note);
    const updated = { ...note, ...after, updatedAt: this.clock.now() };
    await ctx.em.update(
      RiskNoteEntity,
      { id: note.id },
      { ...after, updatedAt: updated.updatedAt },
    );
    await this.audit.append(ctx, {
      brandId: note.brandId,
      action: 'risk_note.updated',
      entityType: 'RiskNote',
      entityId: note.id,
      data: {
        proposalId: note.proposalId,
        before: { status: note.status, mitigation: note.mitigation },
        after,
      },
    });
    return RiskNoteModel.from(updated);
  }
}
