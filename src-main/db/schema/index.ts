// One drizzle schema, split by feature. drizzle-kit reads this file to generate migrations.
export * from './core';
export * from './households';
export * from './applications';
export * from './notices';
export * from './rechecks';
export * from './archive';
export * from './exchange';
export * from './supervision';
export * from './outbox';
export * from './auditTrust';
export * from './payroll';
export * from './caseRecord';
export * from './handoffs';
