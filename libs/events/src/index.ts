export * from './audit-catalog';
export * from './audit-payloads';
export * from './catalogued-event';
export * from './stored-json';
