import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, RequestContext } from '@standpoint/database';
import { identityLoaders, loadUsers, MembersService, Role } from '@standpoint/identity';
import {
  CHANNEL_NAMES,
  type Dossier,
  type ProposalEntity,
  proposalRiskScore,
  riskMatrix,
  riskScore,
  severityOf,
} from '@standpoint/proposals';
import { ApprovalStepEntity } from '../approval-step.entity';
import { EmailDossier, EmailProposal } from './emails';

/**
 * What the approval notices put into their emails, turned from the facts the change handed them:
 * names, the brand, the dossier as an email shows it, and who hears of what. People and brands come
 * through the request's loaders: a decision has read its brand's people already
 * (preloadBrandPeople), and names asked for twice are read once.
 */
@Injectable()
export class NoticeFacts {
  constructor(
    private readonly members: MembersService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Where a signed-in member reads a proposal: its decision record. A notice in a shared channel
   * links there, never to a decision link, which decides on one approver's behalf.
   */
  proposalUrl(proposalId: string): string {
    return `${this.config.publicUrl}/proposals/${encodeURIComponent(proposalId)}/decision-record`;
  }

  /** What every email that asks for a decision shares: the brand and one link per approver. */
  decisionRequest(proposal: ProposalEntity, step: ApprovalStepEntity, dossier: Dossier) {
    const due = step.dueAt;
    return {
      brandId: proposal.brandId,
      decisionLink: {
        brandId: proposal.brandId,
        proposalId: proposal.id,
        stepId: step.id,
        revisionId: dossier.revision.id,
        contentHash: dossier.revision.contentHash,
        // An overdue step that still takes decisions gives its links their own lifetime.
        stepDueAt: due && due > this.clock.now() ? due : null,
      },
    };
  }

  async emailDossier(
    ctx: RequestContext,
    proposal: ProposalEntity,
    dossier: Dossier,
  ): Promise<EmailDossier> {
    const r = dossier.recommendation;
    const emailProposal = await this.proposalOf(ctx, proposal);
    const byName = r && (await this.namesOf(ctx, [r.byId])).get(r.byId);
    return {
      proposal: emailProposal,
      drafts: dossier.revision.drafts.map((d) => ({
        channel: CHANNEL_NAMES[d.channel],
        body: d.body,
        mediaUrls: d.mediaUrls,
      })),
      risks: dossier.riskNotes.map((note) => {
        const score = riskScore(note.likelihood, note.impact);
        return {
          category: note.category,
          likelihood: note.likelihood,
          impact: note.impact,
          score,
          severity: severityOf(score),
          status: note.status,
          description: note.description,
          mitigation: note.mitigation,
        };
      }),
      riskMatrix: riskMatrix(dossier.riskNotes).map((row, l) =>
        row.map((count, i) => ({ count, severity: severityOf((l + 1) * (i + 1)) })),
      ),
      riskScore: proposalRiskScore(dossier.riskNotes),
      evidence: dossier.evidence.map((e) => ({
        kind: e.kind,
        summary: e.summary,
        sourceUrl: e.sourceUrl,
      })),
      recommendation: r && {
        recommendation: r.recommendation,
        rationale: r.rationale,
        byName: byName ?? r.byId,
        revisionNumber: r.revisionNumber,
        current: r.revisionNumber === proposal.currentRevisionNumber,
      },
    };
  }

  async proposalOf(ctx: RequestContext, proposal: ProposalEntity): Promise<EmailProposal> {
    const author = (await this.namesOf(ctx, [proposal.authorId])).get(proposal.authorId);
    return {
      brandName: await this.brandNameOf(ctx, proposal.brandId),
      title: proposal.title,
      issue: proposal.issue,
      stanceType: proposal.stanceType,
      urgency: proposal.urgency,
      revisionNumber: proposal.currentRevisionNumber,
      decisionDeadline: proposal.decisionDeadline,
      authorName: author ?? proposal.authorId,
    };
  }

  async namesOf(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, string>> {
    return new Map((await loadUsers(ctx, ids)).map((u) => [u.id, u.name]));
  }

  /** The member's name, or their id when they have none to show. */
  async nameOf(ctx: RequestContext, id: string): Promise<string> {
    return (await this.namesOf(ctx, [id])).get(id) ?? id;
  }

  async brandNameOf(ctx: RequestContext, brandId: string): Promise<string> {
    const brand = await identityLoaders.brandById(ctx).load(brandId);
    if (!brand) throw new Error(`brand ${brandId} does not exist`);
    return brand.name;
  }

  /** The brand's members who hold `role`. */
  async holding(ctx: RequestContext, brandId: string, role: Role): Promise<string[]> {
    return (await this.members.ofBrand(ctx, brandId))
      .filter((m) => m.roles.includes(role))
      .map((m) => m.userId);
  }

  async everyone(ctx: RequestContext, brandId: string): Promise<string[]> {
    return (await this.members.ofBrand(ctx, brandId)).map((m) => m.userId);
  }
}

export function stepOf(step: ApprovalStepEntity) {
  return { name: step.name, dueAt: step.dueAt, requiredApprovals: step.requiredApprovals };
}
