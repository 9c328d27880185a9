// The value sets of spec/bundle.md that the database and the API share. Pure constants, so the web app
// may import them. When src/core exports the bundle schema's enums, these should be taken from there.

export const ORGANIZATION_KINDS = ['enterprise', 'university', 'institute', 'other'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const PLATFORMS = [
  'intl-coop-base',
  'national-lab',
  'provincial-lab',
  'national-key-lab',
  'provincial-key-lab',
  'leading-enterprise',
  'belt-road-joint-lab',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export const ONGOING_PROGRAMS = ['intl-coop', 'frontier-tech', 'major-special', 'other'] as const;
export type OngoingProgram = (typeof ONGOING_PROGRAMS)[number];

export const DEPARTMENT_KINDS = [
  'city',
  'county',
  'national-hitech-zone',
  'provincial-hitech-zone',
  'university',
  'provincial-agency',
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

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

export const DIRECTIONS = ['big-science', 'platform-inbound', 'platform-outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const DOCUMENT_KINDS = [
  'cooperation-agreement',
  'letter-of-intent',
  'domestic-agreement',
  'domestic-letter-of-intent',
  'joint-lab-agreement',
  'platform-proof',
  'integrity-commitment-unit',
  'integrity-commitment-pi',
  'application-form',
  'info-form',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_LANGUAGES = ['zh', 'foreign'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];
