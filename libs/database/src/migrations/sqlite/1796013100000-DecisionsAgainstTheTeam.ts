import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `overridesRecommendation` means "went against the team's recommendation" (DESIGN.md, issue 11).
 * Decisions recorded before said so of every approval that needed an acknowledgement, open risks
 * alone included, and never of a rejection. This sets the mark as the rule says: an approval keeps
 * it only when it acknowledged the team's HOLD or DO_NOT_POST; a rejection gets it when the team's
 * latest recommendation then was PROCEED or PROCEED_WITH_CHANGES. The audit events stay as they
 * were: the decision record reads them by the same rule.
 */
export class DecisionsAgainstTheTeam1796013100000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "decision" SET "overridesRecommendation" = 0
       WHERE "outcome" = 'APPROVE' AND "overridesRecommendation" = 1
         AND NOT EXISTS (SELECT 1 FROM json_each("decision"."acknowledgedReasons") "a"
                         WHERE "a"."value" LIKE 'The team recommends %')`,
    );
    await queryRunner.query(
      `UPDATE "decision" SET "overridesRecommendation" = 1
       WHERE "outcome" = 'REJECT' AND "overridesRecommendation" = 0
         AND (SELECT "r"."recommendation" FROM "recommendation" "r"
              WHERE "r"."proposalId" = "decision"."proposalId" AND "r"."at" <= "decision"."decidedAt"
              ORDER BY "r"."at" DESC, "r"."id" DESC LIMIT 1) IN ('PROCEED', 'PROCEED_WITH_CHANGES')`,
    );
  }

  async down(): Promise<void> {
    // The former marks were untrue: there is nothing to restore.
  }
}
