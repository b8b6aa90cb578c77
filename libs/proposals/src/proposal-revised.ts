import { ProposalEntity } from './proposal.entity';
import { RevisionEntity } from './revision.entity';

/** A proposal revised: what its `proposal.revised` event hands the subscribers. */
export interface Revised {
  /** The proposal after the revision. */
  proposal: ProposalEntity;
  previous: RevisionEntity;
  revision: RevisionEntity;
}

declare module '@standpoint/events' {
  interface AuditFacts {
    'proposal.revised': Revised;
  }
}
