import { type Dossier, type RiskNoteEntity, RiskStatus } from '@standpoint/proposals';
import { DecisionOverride } from './rules';

/**
 * What a decision's audit event records of the team's recommendation and of the risks:
 *
 * - `againstTeam`: the recommendation the decision went against (approving against HOLD or
 *   DO_NOT_POST, rejecting against PROCEED or PROCEED_WITH_CHANGES), or null;
 * - `acceptedRisks`: each open HIGH or CRITICAL risk of speaking an approval accepted, as it was;
 * - `override`: what the approver acknowledged, when an approval needed it, with the overruled
 *   recommendation (null when only risks were acknowledged) and every open risk at that moment.
 *
 * Events recorded before the first two fields existed carry only `override`, written for every
 * approval that needed an acknowledgement and holding the latest recommendation whatever it was;
 * readers fall back to it (audit-review's decision record does).
 */
export function overrideAuditData(override: DecisionOverride<RiskNoteEntity>, dossier: Dossier) {
  const latest = dossier.recommendation;
  const recommendation =
    override.againstTeam && latest
      ? {
          recommendation: latest.recommendation,
          rationale: latest.rationale,
          revisionNumber: latest.revisionNumber,
          by: latest.byId,
        }
      : null;
  return {
    againstTeam: recommendation && { ...recommendation, current: override.againstTeam!.current },
    acceptedRisks: override.acceptedRisks.map((risk) => ({
      riskNoteId: risk.id,
      category: risk.category,
      likelihood: risk.likelihood,
      impact: risk.impact,
      score: risk.score,
      severity: risk.severity,
      description: risk.description,
    })),
    override:
      override.reasons.length > 0
        ? {
            acknowledged: override.reasons,
            recommendation,
            openRisks: dossier.riskNotes
              .filter((note) => note.status === RiskStatus.OPEN)
              .map((note) => ({
                category: note.category,
                likelihood: note.likelihood,
                impact: note.impact,
              })),
          }
        : null,
  };
}
