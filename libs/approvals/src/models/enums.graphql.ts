import { registerEnumType } from '@nestjs/graphql';
import { DecisionChannel, DecisionOutcome, Quorum, StepStatus } from '../rules';

// The approval rules' enums, named for the GraphQL schema (the rules stay framework-free).
registerEnumType(Quorum, { name: 'Quorum' });
registerEnumType(StepStatus, { name: 'StepStatus' });
registerEnumType(DecisionOutcome, { name: 'DecisionOutcome' });
registerEnumType(DecisionChannel, { name: 'DecisionChannel' });

export { DecisionChannel, DecisionOutcome, Quorum, StepStatus };
