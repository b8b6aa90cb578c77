import { Column, PrimaryColumn } from 'typeorm';

/**
 * What every row of a proposal's history and dossier carries: its own id, its proposal, and the
 * brand (kept on each row so that no query of a brand's data ever needs to trust a join).
 */
export abstract class ProposalChildEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  proposalId!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;
}
