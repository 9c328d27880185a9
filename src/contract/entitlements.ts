import { z } from 'zod';
import { dateSchema, DIRECTIONS, ORGANIZATION_KINDS, PLATFORMS, TOPICS } from '../core/bundle/schema.js';
import { APPLICATION_STATUSES } from './vocabulary.js';

// What the province grants: qualifying platforms with evidence and validity, invitations to the directed-only
// streams, and 定向 marks on 专题二 applications.

const noteSchema = (title: string, required = false) =>
  (required
    ? z
        .string({ error: `请填写${title}` })
        .trim()
        .min(1, `请填写${title}`)
    : z.string().trim().default('')
  )
    .pipe(z.string().max(500, `${title}不超过 500 字`))
    .meta({ title });

export const organizationSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  creditCode: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  departmentName: z.string().nullable(),
});
export type OrganizationSummaryDto = z.infer<typeof organizationSummarySchema>;

export const organizationSearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(100, '搜索词不超过 100 字')
    .optional()
    .meta({ title: '单位名称或统一社会信用代码' }),
});
export const organizationSearchResponseSchema = z.object({
  organizations: z.array(organizationSummarySchema),
});

export const platformRecordSchema = z
  .object({
    id: z.uuid(),
    platform: z.enum(PLATFORMS),
    label: z.string(),
    validFrom: z.string(),
    validTo: z.string(),
    note: z.string(),
    evidenceName: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'PlatformRecord' });
export type PlatformRecordDto = z.infer<typeof platformRecordSchema>;

export const organizationPlatformsResponseSchema = z.object({
  organization: organizationSummarySchema,
  platforms: z.array(platformRecordSchema),
});
export type OrganizationPlatformsDto = z.infer<typeof organizationPlatformsResponseSchema>;

/** A platform's text fields, sent with its evidence PDF as multipart/form-data. */
export const platformFormSchema = z.object({
  platform: z.enum(PLATFORMS, { error: '请选择平台类型' }).meta({ title: '平台类型' }),
  validFrom: dateSchema.meta({ title: '有效期起' }),
  validTo: dateSchema.meta({ title: '有效期止' }),
  note: noteSchema('说明'),
});

export const invitationSchema = z.object({
  id: z.uuid(),
  topic: z.literal(TOPICS),
  direction: z.enum(DIRECTIONS).nullable(),
  streamLabel: z.string(),
  organization: organizationSummarySchema,
  note: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type InvitationDto = z.infer<typeof invitationSchema>;

export const invitationBodySchema = z.object({
  topic: z.literal(TOPICS, { error: '请选择专题（1–5）' }).meta({ title: '专题' }),
  direction: z
    .enum(DIRECTIONS, { error: '专题一的方向无效' })
    .nullable()
    .default(null)
    .meta({ title: '方向' }),
  organizationId: z.uuid({ error: '请选择受邀单位' }).meta({ title: '受邀单位' }),
  note: noteSchema('说明'),
});
export type InvitationBody = z.input<typeof invitationBodySchema>;

export const markFormSchema = z.object({ note: noteSchema('定向依据说明', true) });

export const markedApplicationSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  directed: z.boolean(),
  organizationName: z.string(),
  piName: z.string(),
  mark: z
    .object({ note: z.string(), evidenceName: z.string(), createdAt: z.iso.datetime({ offset: true }) })
    .nullable(),
});
export type MarkedApplicationDto = z.infer<typeof markedApplicationSchema>;

export const directedOverviewSchema = z.object({
  streams: z.array(
    z.object({ topic: z.literal(TOPICS), direction: z.enum(DIRECTIONS).nullable(), label: z.string() }),
  ),
  invitations: z.array(invitationSchema),
  marked: z.object({ topic: z.literal(TOPICS), applications: z.array(markedApplicationSchema) }),
});
export type DirectedOverviewDto = z.infer<typeof directedOverviewSchema>;

/** An applicant's own entitlements: its platforms, and the directed streams it is invited to, by call. */
export const myEntitlementsSchema = z.object({
  organization: organizationSummarySchema,
  platforms: z.array(platformRecordSchema),
  invitations: z.array(
    z.object({ callId: z.string(), topic: z.literal(TOPICS), direction: z.enum(DIRECTIONS).nullable() }),
  ),
});
export type MyEntitlementsDto = z.infer<typeof myEntitlementsSchema>;
