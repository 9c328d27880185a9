import { boolean, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ONGOING_PROGRAMS, ORGANIZATION_KINDS, PLATFORMS } from '../../../core/bundle/schema.js';
import { ORGANIZATION_VERIFICATIONS } from '../../../contract/organizations.js';
import { createdAt, day, instant, updatedAt } from './columns.js';
import { departments } from './departments.js';

export const organizationKind = pgEnum('organization_kind', ORGANIZATION_KINDS);
export const platform = pgEnum('platform', PLATFORMS);
export const ongoingProgram = pgEnum('ongoing_program', ONGOING_PROGRAMS);
export const organizationVerification = pgEnum('organization_verification', ORGANIZATION_VERIFICATIONS);

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    creditCode: text('credit_code').notNull().unique(),
    kind: organizationKind('kind').notNull(),
    inJiangsu: boolean('in_jiangsu').notNull(),
    registeredOn: day('registered_on').notNull(),
    independentLegalEntity: boolean('independent_legal_entity').notNull(),
    ministryOrProvincialUniversity: boolean('ministry_or_provincial_university').notNull().default(false),
    dishonestyUntil: day('dishonesty_until'),
    /** The 项目主管部门 it applies through; absent for organizations known only as partners. */
    departmentId: uuid('department_id').references(() => departments.id),
    /**
     * 属地审核. Only a registration sets `pending`: rows that predate it, a department's bundle import (its paper
     * intake) and the demo are approved. The rule facts above are always the approved ones once approved; a
     * change waits in organization_verification_requests.
     */
    verification: organizationVerification('verification').notNull().default('approved'),
    /** Why the department rejected the registration, while it stays rejected. */
    rejectionReason: text('rejection_reason'),
    address: text('address'),
    contactName: text('contact_name'),
    contactMobile: text('contact_mobile'),
    contactEmail: text('contact_email'),
    /** The department asked for the 营业执照 / 法人证书 as a PDF. */
    licenceRequestedAt: instant('licence_requested_at'),
    licenceRequestNote: text('licence_request_note'),
    /** A file of `files` (no foreign key: documents.ts imports this file through applications.ts). */
    licenceSha256: text('licence_sha256'),
    licenceFileName: text('licence_file_name'),
    licenceUploadedAt: instant('licence_uploaded_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('organizations_department_idx').on(t.departmentId)],
);

/** An organization's own 在研 provincial projects. */
export const ongoingProjects = pgTable(
  'ongoing_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    program: ongoingProgram('program').notNull(),
    title: text('title'),
    createdAt: createdAt(),
  },
  (t) => [index('ongoing_projects_organization_idx').on(t.organizationId)],
);
