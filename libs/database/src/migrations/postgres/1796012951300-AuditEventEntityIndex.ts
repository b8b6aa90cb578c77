import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditEventEntityIndex1796012951300 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "ix_audit_event_entity" ON "audit_event"  ("entityId") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_audit_event_entity"');
  }
}
