import { MigrationInterface, QueryRunner } from 'typeorm';

/** Just-in-time provisioning: the ID token claim an OIDC provider names its user's groups in. */
export class OidcGroupsClaim1796800700000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "oidc_provider" ADD COLUMN "groupsClaim" varchar(100) NOT NULL DEFAULT \'groups\'',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "oidc_provider" DROP COLUMN "groupsClaim"');
  }
}
