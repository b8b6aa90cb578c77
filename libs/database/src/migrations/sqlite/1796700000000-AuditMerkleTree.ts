import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Checkpoints become C2SP checkpoints over a Merkle tree of each brand's events: the signed root
 * and note, the tree's right edge to extend it from, and the tree's stored subtrees for proofs.
 * Checkpoints signed before keep their JSON signature and these columns null. Columns are added
 * in place: rebuilding the table would drop its append-only triggers.
 */
export class AuditMerkleTree1796700000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['"rootHash" varchar(44)', '"note" text', '"treeEdge" text'])
      await queryRunner.query(`ALTER TABLE "audit_checkpoint" ADD COLUMN ${column}`);
    await queryRunner.query(
      'CREATE TABLE "audit_tree_node" ("brandId" varchar(64) NOT NULL, "level" integer NOT NULL, "position" integer NOT NULL, "hash" varchar(44) NOT NULL, PRIMARY KEY ("brandId", "level", "position"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "audit_tree_node"');
    for (const column of ['treeEdge', 'note', 'rootHash'])
      await queryRunner.query(`ALTER TABLE "audit_checkpoint" DROP COLUMN "${column}"`);
  }
}
