import type { DecisionOverride } from './override';

/** Which decisions a brand's policy requires the approver to confirm with their passkey. */
export enum PasskeyRequirement {
  NONE = 'NONE',
  /** Decisions against the team's recommendation, and approvals that accept open high risks. */
  OVERRIDES = 'OVERRIDES',
  ALL_DECISIONS = 'ALL_DECISIONS',
}

/** Whether a decision that means `override` must be confirmed with a passkey under `requirement`. */
export function passkeyRequired(
  requirement: PasskeyRequirement,
  override: Pick<DecisionOverride, 'againstTeam' | 'reasons'>,
): boolean {
  switch (requirement) {
    case PasskeyRequirement.NONE:
      return false;
    case PasskeyRequirement.OVERRIDES:
      return override.againstTeam !== null || override.reasons.length > 0;
    case PasskeyRequirement.ALL_DECISIONS:
      return true;
  }
}
