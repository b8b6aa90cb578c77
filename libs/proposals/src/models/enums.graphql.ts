import { registerEnumType } from '@nestjs/graphql';
import {
  Channel,
  EvidenceKind,
  EvidenceStatus,
  ListeningSource,
  PeerReception,
  ProposalState,
  Recommendation,
  RiskCategory,
  RiskStatus,
  Severity,
  StanceType,
  Urgency,
} from '../rules';

// The workflow rules' enums, named for the GraphQL schema (the rules themselves stay framework-free).
registerEnumType(Channel, { name: 'Channel' });
registerEnumType(EvidenceKind, { name: 'EvidenceKind' });
registerEnumType(EvidenceStatus, {
  name: 'EvidenceStatus',
  description: 'ACTIVE evidence counts; CORRECTED and WITHDRAWN evidence is kept as history.',
});
registerEnumType(ListeningSource, {
  name: 'ListeningSource',
  description:
    'The tool whose export a listening snapshot was imported from; MAPPING: a file read with a column mapping.',
});
registerEnumType(PeerReception, { name: 'PeerReception' });
registerEnumType(ProposalState, { name: 'ProposalState' });
registerEnumType(Recommendation, { name: 'Recommendation' });
registerEnumType(RiskCategory, { name: 'RiskCategory' });
registerEnumType(RiskStatus, { name: 'RiskStatus' });
registerEnumType(Severity, { name: 'Severity' });
registerEnumType(StanceType, { name: 'StanceType' });
registerEnumType(Urgency, { name: 'Urgency' });

export {
  Channel,
  EvidenceKind,
  EvidenceStatus,
  ListeningSource,
  PeerReception,
  ProposalState,
  Recommendation,
  RiskCategory,
  RiskStatus,
  Severity,
  StanceType,
  Urgency,
};
