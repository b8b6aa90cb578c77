export * from './channel-limits';
export * from './channel-names';
export * from './content-hash';
export * from './enums';
export * from './evidence-rules';
export * from './lifecycle';
export * from './mentions';
export * from './risk';
