// The approval emails, one file per kind; each is a plain function of its facts and its recipient.
export * from './approval-requested';
export * from './approved';
export * from './changes-requested';
export * from './email-facts';
export * from './escalation';
export * from './expired';
export * from './freeze-ended';
export * from './freeze-started';
export * from './override-recorded';
export * from './rejected';
export * from './reminder';
export * from './step-unsatisfiable';
export * from './words-changed';
