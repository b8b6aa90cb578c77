import {
  Recommendation,
  RiskCategory,
  riskScore,
  Severity,
  severityOf,
} from '../../../proposals/src/rules/index';

/** What override detection needs to know of a proposal when someone approves it. */
export interface OverrideFacts {
  /** The team's latest recommendation, and whether it was made on the current revision. */
  recommendation: { recommendation: Recommendation; current: boolean } | null;
  /** The OPEN risk notes only: mitigated and accepted risks no longer stand in the way. */
  openRisks: readonly { category: RiskCategory; likelihood: number; impact: number }[];
}

const WARNINGS: ReadonlySet<Recommendation> = new Set([
  Recommendation.HOLD,
  Recommendation.DO_NOT_POST,
]);
const GRAVE: ReadonlySet<Severity> = new Set([Severity.HIGH, Severity.CRITICAL]);

/**
 * Why approving now would overrule a warning, one readable reason each: first the team's HOLD or
 * DO_NOT_POST (even when made on an earlier revision: the warning stands until the team changes
 * it), then every open HIGH or CRITICAL risk in the order given. An empty list: no override.
 */
export function overrideReasons(facts: OverrideFacts): string[] {
  const reasons: string[] = [];
  const latest = facts.recommendation;
  if (latest !== null && WARNINGS.has(latest.recommendation)) {
    const when = latest.current ? '' : ' (made on an earlier revision)';
    reasons.push(`The team recommends ${latest.recommendation}${when}`);
  }
  for (const risk of facts.openRisks) {
    const score = riskScore(risk.likelihood, risk.impact);
    const severity = severityOf(score);
    if (GRAVE.has(severity)) {
      reasons.push(`An open ${severity} risk (${risk.category}, score ${score})`);
    }
  }
  return reasons;
}
