// The audit trail's framework-free rules: how an event is sealed into its brand's chain, how a
// checkpoint is signed, and how a chain, its checkpoints and an export are verified. Importable
// without the audit library's framework (`@standpoint/audit/rules`), as the offline verifier is.
export * from './audit-chain';
export * from './audit-checkpoint';
export * from './chain-proof';
export * from './export-format';
