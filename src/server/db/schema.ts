// The tables, one file per area under schema/ (drizzle.config.ts and the repositories read them from here).
// Organizations, people, departments and applications follow spec/bundle.md, so that a bundle can be exported
// from and imported into them: they carry the bundle's fields under snake_case names.

export * from './schema/departments.js';
export * from './schema/department-versions.js';
export * from './schema/organizations.js';
export * from './schema/organization-verification.js';
export * from './schema/people.js';
export * from './schema/users.js';
export * from './schema/account-tokens.js';
export * from './schema/notifications.js';
export * from './schema/rate-limits.js';
export * from './schema/calls.js';
export * from './schema/calls-history.js';
export * from './schema/applications.js';
export * from './schema/documents.js';
export * from './schema/submissions.js';
export * from './schema/review.js';
export * from './schema/import-keys.js';
export * from './schema/registers.js';
export * from './schema/cross-checks.js';
export * from './schema/experts.js';
export * from './schema/review-rounds.js';
export * from './schema/scoring-forms.js';
export * from './schema/panels.js';
export * from './schema/decisions.js';
export * from './schema/audit.js';
export * from './schema/entitlements.js';
export * from './schema/paper.js';
export * from './schema/contracts.js';
export * from './schema/appeals.js';
export * from './schema/objections.js';
export * from './schema/partner-confirmations.js';
