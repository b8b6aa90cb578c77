import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@standpoint/graphql';
import { EvidenceModel } from './evidence.model';
import { PeerReception } from './enums.graphql';

/**
 * A precedent: a peer brand's example, or how one of our own published posts was received, as
 * recorded in an earlier proposal's dossier.
 */
@ObjectType('Precedent')
export class PrecedentModel {
  @Field(() => EvidenceModel)
  evidence!: EvidenceModel;

  @Field(() => ID, { description: 'The proposal whose dossier holds it.' })
  proposalId!: string;

  @Field({ description: 'The social issue of that proposal.' })
  issue!: string;

  @Field(() => PeerReception)
  reception!: PeerReception;
}

export const PrecedentConnection = ConnectionType('Precedent', PrecedentModel);
