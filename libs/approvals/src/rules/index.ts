export * from './approver-left';
export * from './decider-eligibility';
export * from './decision-refusal';
export * from './enums';
export * from './override';
export * from './policy';
export * from './step-progress';
export * from './passkey-requirement';
