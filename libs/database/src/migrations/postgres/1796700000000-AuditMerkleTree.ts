import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Checkpoints become C2SP checkpoints over a Merkle tree of each brand's events: the signed root
 * and note, the tree's right edge to extend it from, and the tree's stored subtrees for proofs.
 * Checkpoints signed before keep their JSON signature and these columns null.
 */
export class AuditMerkleTree1796700000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "audit_checkpoint" ADD "rootHash" character varying(44), ADD "note" text, ADD "treeEdge" text',
    );
    await queryRunner.query(
      'CREATE TABLE "audit_tree_node" ("brandId" character varying(64) NOT NULL, "level" integer NOT NULL, "position" integer NOT NULL, "hash" character varying(44) NOT NULL, CONSTRAINT "PK_audit_tree_node" PRIMARY KEY ("brandId", "level", "position"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "audit_tree_node"');
    await queryRunner.query(
      'ALTER TABLE "audit_checkpoint" DROP COLUMN "treeEdge", DROP COLUMN "note", DROP COLUMN "rootHash"',
    );
  }
}
