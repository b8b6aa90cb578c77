import { Injectable } from '@nestjs/common';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { DecisionPasskeyEvidence, DecisionWords } from '@standpoint/audit';
import { RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { PasskeysService } from '@standpoint/identity';
import {
  type Dossier,
  DossierReader,
  ProposalAccess,
  type ProposalEntity,
} from '@standpoint/proposals';
import { In } from 'typeorm';
import { ApprovalStepEntity } from './approval-step.entity';
import { PasskeyRefusedError, PasskeyRequiredError } from './approval.errors';
import { DecisionPasskeyChallengeInput } from './inputs/decision-passkey-challenge.input';
import { DossierFacts } from './dossier-facts';
import { PoliciesService } from './policies.service';
import {
  type DecisionOverride,
  decisionOverride,
  DecisionOutcome,
  passkeyRequired,
  PasskeyRequirement,
  StepStatus,
} from './rules';

/** The decision a passkey confirms, as its audit event will state it. */
export function decisionWords(
  proposal: ProposalEntity,
  step: ApprovalStepEntity,
  outcome: DecisionOutcome,
  contentHash: string,
): DecisionWords {
  return {
    brandId: proposal.brandId,
    proposalId: proposal.id,
    step: step.name,
    round: step.round,
    outcome,
    contentHash,
  };
}

/**
 * Decisions confirmed with the approver's passkey: the challenge for a decision, and whether a
 * decision brings the confirmation its brand's policy (the version in force now) asks for.
 */
@Injectable()
export class DecisionPasskeys {
  constructor(
    private readonly access: ProposalAccess,
    private readonly dossiers: DossierReader,
    private readonly policies: PoliciesService,
    private readonly passkeys: PasskeysService,
    private readonly facts: DossierFacts,
  ) {}

  /** The outcomes the brand's policy now asks the approver to confirm with a passkey. */
  async outcomesRequiring(
    ctx: RequestContext,
    proposal: ProposalEntity,
    dossier: Dossier,
  ): Promise<DecisionOutcome[]> {
    const { passkeyRequiredFor } = await this.policies.current(ctx, proposal.brandId);
    const facts = this.facts.override(proposal, dossier);
    return Object.values(DecisionOutcome).filter((outcome) =>
      passkeyRequired(passkeyRequiredFor, decisionOverride(outcome, facts)),
    );
  }

  /** WebAuthn request options whose challenge commits to this decision on the step awaiting one. */
  async challenge(
    ctx: RequestContext,
    approverId: string,
    input: DecisionPasskeyChallengeInput,
  ): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const proposal = await this.access.forReading(ctx, input.proposalId);
    const { revision } = await this.dossiers.read(ctx, proposal);
    if (revision.contentHash !== input.contentHash) {
      throw DomainError.conflict('The words have changed since you read them: review them again');
    }
    const step = await ctx.em.findOne(ApprovalStepEntity, {
      where: {
        proposalId: proposal.id,
        round: proposal.reviewRound,
        status: In([StepStatus.ACTIVE, StepStatus.BLOCKED]),
      },
      order: { order: 'ASC' },
    });
    if (!step) throw DomainError.conflict('No step of this proposal awaits a decision');
    return this.passkeys.decisionOptions(
      ctx,
      approverId,
      decisionWords(proposal, step, input.outcome, revision.contentHash),
    );
  }

  /**
   * The evidence to record (null when the decision was not confirmed and needs not be), or why
   * the decision is refused, under the brand's current `requirement`. An assertion is checked
   * whenever one is given, required or not.
   */
  async confirmation(
    ctx: RequestContext,
    approverId: string,
    decided: DecisionWords,
    override: Pick<DecisionOverride, 'againstTeam' | 'reasons'>,
    assertion: string | null | undefined,
    requirement: PasskeyRequirement,
  ): Promise<
    { evidence: DecisionPasskeyEvidence | null } | PasskeyRequiredError | PasskeyRefusedError
  > {
    if (!assertion)
      return passkeyRequired(requirement, override)
        ? PasskeyRequiredError.of()
        : { evidence: null };
    const confirmed = await this.passkeys.confirmDecision(ctx, approverId, decided, assertion);
    return confirmed.evidence
      ? { evidence: confirmed.evidence }
      : PasskeyRefusedError.of(confirmed.refusal);
  }
}
