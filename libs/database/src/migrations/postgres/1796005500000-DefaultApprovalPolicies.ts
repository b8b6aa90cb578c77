import { MigrationInterface, QueryRunner } from 'typeorm';

// The default policy as it was when this migration was written: one step, any approver.
const DEFAULT_STEPS = JSON.stringify([
  {
    name: 'Approval',
    role: 'APPROVER',
    approverIds: [],
    quorum: 'ANY',
    minApprovals: 1,
    appliesWhen: null,
    slaHours: null,
    escalateToIds: [],
    expireOnTimeout: false,
  },
]);

/** Brands created before approval policies existed start with the default one, like new brands. */
export class DefaultApprovalPolicies1796005500000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO "approval_policy" ("id", "brandId", "version", "steps", "createdById", "createdAt")
       SELECT 'apl_default_' || "b"."id", "b"."id", 1, $1::jsonb, NULL, now()
       FROM "brand" "b"
       WHERE NOT EXISTS (SELECT 1 FROM "approval_policy" "p" WHERE "p"."brandId" = "b"."id")`,
      [DEFAULT_STEPS],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "approval_policy" WHERE "id" LIKE 'apl\\_default\\_%'`);
  }
}
