import { Injectable } from '@nestjs/common';
import { ApprovalStepEntity } from '@standpoint/approvals';
import { RequestContext } from '@standpoint/database';
import { BrandEntity } from '@standpoint/identity';
import {
  CHANNEL_NAMES,
  type Dossier,
  type ProposalEntity,
  riskScore,
  RiskStatus,
  Severity,
  severityOf,
} from '@standpoint/proposals';
import { SlackRequestFacts } from './rules';

const HIGH: readonly string[] = [Severity.HIGH, Severity.CRITICAL];

/** What an approval request shows in Slack, from the facts the change holds. */
@Injectable()
export class SlackRequestFactsReader {
  async of(
    ctx: RequestContext,
    proposal: ProposalEntity,
    step: Pick<ApprovalStepEntity, 'name' | 'dueAt'>,
    dossier: Dossier,
  ): Promise<SlackRequestFacts> {
    const r = dossier.recommendation;
    return {
      brandName: await this.brandNameOf(ctx, proposal.brandId),
      title: proposal.title,
      issue: proposal.issue,
      urgency: proposal.urgency,
      decisionDeadline: proposal.decisionDeadline,
      step: { name: step.name, dueAt: step.dueAt },
      revisionNumber: dossier.revision.number,
      recommendation: r && {
        recommendation: r.recommendation,
        rationale: r.rationale,
        current: r.revisionNumber === proposal.currentRevisionNumber,
      },
      highRisks: dossier.riskNotes
        .map((note) => ({ note, severity: severityOf(riskScore(note.likelihood, note.impact)) }))
        .filter(({ note, severity }) => note.status === RiskStatus.OPEN && HIGH.includes(severity))
        .map(({ note, severity }) => ({
          category: note.category,
          severity,
          description: note.description,
        })),
      drafts: dossier.revision.drafts.map((d) => ({
        channel: CHANNEL_NAMES[d.channel],
        body: d.body,
        mediaUrls: d.mediaUrls,
      })),
    };
  }

  async brandNameOf(ctx: RequestContext, brandId: string): Promise<string> {
    return (await ctx.em.findOneByOrFail(BrandEntity, { id: brandId })).name;
  }
}
