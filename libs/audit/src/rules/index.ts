// The audit trail's framework-free rules: how an event is sealed into its brand's chain, how the
// chain's Merkle tree is built and proven, how a checkpoint is signed, and how a chain, its
// checkpoints, an export and a proof are verified. Importable without the audit library's
// framework (`@standpoint/audit/rules`), as the offline verifier is.
export * from './audit-chain';
export * from './audit-checkpoint';
export * from './audit-keys';
export * from './chain-proof';
export * from './decision-passkey';
export * from './export-format';
export * from './merkle-tree';
export * from './proof-file';
export * from './signed-note';
export * from './witness-check';
