import { RiskStatus, Severity } from './enums';

/** What scoring needs of a risk note. */
interface ScoredNote {
  likelihood: number;
  impact: number;
  status: RiskStatus;
}

const isLevel = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 5;

/** score = likelihood × impact, each an integer 1..5. */
export function riskScore(likelihood: number, impact: number): number {
  if (!isLevel(likelihood)) {
    throw new RangeError(`likelihood must be an integer from 1 to 5, not ${likelihood}`);
  }
  if (!isLevel(impact)) {
    throw new RangeError(`impact must be an integer from 1 to 5, not ${impact}`);
  }
  return likelihood * impact;
}

/**
 * 1–4 LOW, 5–9 MEDIUM, 10–16 HIGH, 20–25 CRITICAL. A score is a product of two integers 1..5, so
 * 17–19 cannot occur; should one be passed it counts as CRITICAL (above every HIGH score), which
 * errs towards caution. Anything outside 1..25 or not an integer is a RangeError.
 */
export function severityOf(score: number): Severity {
  if (!Number.isInteger(score) || score < 1 || score > 25) {
    throw new RangeError(`a risk score is an integer from 1 to 25, not ${score}`);
  }
  if (score <= 4) return Severity.LOW;
  if (score <= 9) return Severity.MEDIUM;
  if (score <= 16) return Severity.HIGH;
  return Severity.CRITICAL;
}

/** The highest score among OPEN notes; 0 when none is open (mitigated and accepted risks rest). */
export function proposalRiskScore(notes: readonly ScoredNote[]): number {
  let highest = 0;
  for (const note of notes) {
    if (note.status !== RiskStatus.OPEN) continue;
    highest = Math.max(highest, riskScore(note.likelihood, note.impact));
  }
  return highest;
}

/** The 5 × 5 heat map of OPEN notes: `matrix[likelihood - 1][impact - 1]` counts them. */
export function riskMatrix(notes: readonly ScoredNote[]): number[][] {
  const matrix = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => 0));
  for (const note of notes) {
    if (note.status !== RiskStatus.OPEN) continue;
    riskScore(note.likelihood, note.impact); // validates both levels
    matrix[note.likelihood - 1][note.impact - 1]++;
  }
  return matrix;
}
