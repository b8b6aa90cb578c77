import { DateTimeColumn } from '@standpoint/database';
import { Channel, ProposalChildEntity } from '@standpoint/proposals';
import { Column, Entity, Unique } from 'typeorm';

/** Where the brand's publishing tool posted the approved words, one row per channel. */
@Entity('publication')
@Unique('uq_publication_proposal_channel', ['proposalId', 'channel'])
export class PublicationEntity extends ProposalChildEntity {
  @Column({ type: 'varchar', length: 16 })
  channel!: Channel;

  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  @Column({ type: 'varchar', length: 64 })
  byId!: string;

  @DateTimeColumn()
  publishedAt!: Date;
}
