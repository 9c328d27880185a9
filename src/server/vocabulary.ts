// Value sets of the platform itself; those of the bundle (organization kinds, platforms, document kinds …)
// are src/core/bundle/schema.ts's. Pure constants, so the web app may import them.

export const USER_ROLES = ['unit-admin', 'pi', 'department', 'province', 'expert'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'recommended',
  'not-recommended',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
