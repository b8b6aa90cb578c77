import { registerEnumType } from '@nestjs/graphql';
import { DecisionChannel, DecisionOutcome, PasskeyRequirement, Quorum, StepStatus } from '../rules';

// The approval rules' enums, named for the GraphQL schema (the rules stay framework-free).
registerEnumType(Quorum, { name: 'Quorum' });
registerEnumType(StepStatus, { name: 'StepStatus' });
registerEnumType(DecisionOutcome, { name: 'DecisionOutcome' });
registerEnumType(DecisionChannel, { name: 'DecisionChannel' });
registerEnumType(PasskeyRequirement, {
  name: 'PasskeyRequirement',
  description: 'Which decisions must be confirmed with the approver’s passkey.',
});

export { DecisionChannel, DecisionOutcome, PasskeyRequirement, Quorum, StepStatus };
