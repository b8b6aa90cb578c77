import {
  Recommendation,
  RiskCategory,
  riskScore,
  RiskStatus,
  Severity,
  severityOf,
} from '@standpoint/proposals/rules';
import { DecisionOutcome } from './enums';

/** What override detection needs of a risk note. */
export interface RiskFacts {
  category: RiskCategory;
  likelihood: number;
  impact: number;
  status: RiskStatus;
}

/** The team's latest recommendation, and whether it was made on the current revision. */
export interface RecommendationFacts {
  recommendation: Recommendation;
  current: boolean;
}

/** What override detection needs to know of a proposal when someone decides on it. */
export interface OverrideFacts<R extends RiskFacts = RiskFacts> {
  recommendation: RecommendationFacts | null;
  /** Every risk note of the proposal: only OPEN ones can stand in the way. */
  risks: readonly R[];
}

/** A risk an approval accepts: the note as given, with its score and severity. */
export type AcceptedRisk<R extends RiskFacts = RiskFacts> = R & {
  score: number;
  severity: Severity;
};

/**
 * What a decision means against the team and the open risks. The two are kept apart: going
 * against the team's recommendation is marked as such (`overridesRecommendation`) whichever way it
 * goes; accepting open risks is listed risk by risk.
 */
export interface DecisionOverride<R extends RiskFacts = RiskFacts> {
  /**
   * The recommendation this decision goes against: approving against HOLD or DO_NOT_POST, or
   * rejecting against PROCEED or PROCEED_WITH_CHANGES. Null when it does not go against the team.
   */
  againstTeam: RecommendationFacts | null;
  /** The open HIGH or CRITICAL risks of speaking that an approval accepts; empty otherwise. */
  acceptedRisks: AcceptedRisk<R>[];
  /**
   * What the approver must acknowledge, with a comment, to decide so, one readable reason each:
   * only an approval ever needs it. Empty: nothing to acknowledge.
   */
  reasons: string[];
}

const WARNINGS: ReadonlySet<string> = new Set([Recommendation.HOLD, Recommendation.DO_NOT_POST]);
const GO_AHEAD: ReadonlySet<string> = new Set([
  Recommendation.PROCEED,
  Recommendation.PROCEED_WITH_CHANGES,
]);
const GRAVE: ReadonlySet<Severity> = new Set([Severity.HIGH, Severity.CRITICAL]);

/**
 * Whether a risk stands against speaking. SILENCE_RISK is the risk of not speaking: a reason to
 * approve, never one to acknowledge in order to approve.
 */
export function isRiskOfSpeaking(category: string): boolean {
  return category !== RiskCategory.SILENCE_RISK;
}

/** Whether deciding `outcome` goes against the team's recommendation `recommendation`. */
export function goesAgainstTeam(outcome: DecisionOutcome, recommendation: string): boolean {
  if (outcome === DecisionOutcome.APPROVE) return WARNINGS.has(recommendation);
  if (outcome === DecisionOutcome.REJECT) return GO_AHEAD.has(recommendation);
  return false;
}

/**
 * What deciding `outcome` now would mean (DESIGN.md, "Risk severity"). The team's latest
 * recommendation counts even when made on an earlier revision: it stands until the team changes
 * it. Reasons come in this order: the recommendation, then each accepted risk in the order given.
 */
export function decisionOverride<R extends RiskFacts>(
  outcome: DecisionOutcome,
  facts: OverrideFacts<R>,
): DecisionOverride<R> {
  const latest = facts.recommendation;
  const againstTeam =
    latest !== null && goesAgainstTeam(outcome, latest.recommendation) ? latest : null;
  const acceptedRisks: AcceptedRisk<R>[] = [];
  if (outcome === DecisionOutcome.APPROVE) {
    for (const risk of facts.risks) {
      const score = riskScore(risk.likelihood, risk.impact);
      const severity = severityOf(score);
      if (
        risk.status === RiskStatus.OPEN &&
        isRiskOfSpeaking(risk.category) &&
        GRAVE.has(severity)
      ) {
        acceptedRisks.push({ ...risk, score, severity });
      }
    }
  }
  const reasons: string[] = [];
  if (outcome === DecisionOutcome.APPROVE) {
    if (againstTeam) {
      const when = againstTeam.current ? '' : ' (made on an earlier revision)';
      reasons.push(`The team recommends ${againstTeam.recommendation}${when}`);
    }
    for (const risk of acceptedRisks) {
      reasons.push(`An open ${risk.severity} risk (${risk.category}, score ${risk.score})`);
    }
  }
  return { againstTeam, acceptedRisks, reasons };
}

const spaced = (value: string): string => value.replace(/_/g, ' ');

/**
 * How a decision against the team is told: "approved against the team's HOLD recommendation",
 * "rejected although the team recommended PROCEED".
 */
export function againstTeamWords(
  outcome: DecisionOutcome | string,
  recommendation: string,
  current = true,
): string {
  const when = current ? '' : ' (made on an earlier revision)';
  return outcome === DecisionOutcome.REJECT
    ? `rejected although the team recommended ${spaced(recommendation)}${when}`
    : `approved against the team's ${spaced(recommendation)} recommendation${when}`;
}

/**
 * How accepted risks are told: "accepted 2 open high risks: backlash (score 12), legal regulatory
 * (score 10)"; a list of high and critical ones names each one's severity.
 */
export function acceptedRisksWords(
  risks: readonly { category: string; likelihood: number; impact: number }[],
): string {
  const scored = risks.map((risk) => {
    const score = riskScore(risk.likelihood, risk.impact);
    return { category: risk.category, score, severity: severityOf(score).toLowerCase() };
  });
  const severities = [...new Set(scored.map((risk) => risk.severity))].sort().reverse();
  const mixed = severities.length > 1;
  const what = severities.length > 0 ? severities.join(' or ') : 'high or critical';
  const count = scored.length;
  const list = scored.map(
    (risk) =>
      `${spaced(risk.category).toLowerCase()} (${mixed ? `${risk.severity}, ` : ''}score ${risk.score})`,
  );
  return `accepted ${count === 0 ? 'no' : count} open ${what} risk${count === 1 ? '' : 's'}${
    count > 0 ? `: ${list.join(', ')}` : ''
  }`;
}

/**
 * One sentence for what a decision went against, or null when it went against nothing:
 * "approved against the team's HOLD recommendation and accepted 1 open high risk: …".
 */
export function overrideWords(
  outcome: DecisionOutcome | string,
  againstTeam: { recommendation: string; current?: boolean } | null,
  acceptedRisks: readonly { category: string; likelihood: number; impact: number }[],
): string | null {
  const parts: string[] = [];
  if (againstTeam) {
    parts.push(againstTeamWords(outcome, againstTeam.recommendation, againstTeam.current ?? true));
  }
  if (acceptedRisks.length > 0) {
    const accepted = acceptedRisksWords(acceptedRisks);
    parts.push(parts.length > 0 ? accepted : `approved and ${accepted}`);
  }
  return parts.length > 0 ? parts.join(' and ') : null;
}
