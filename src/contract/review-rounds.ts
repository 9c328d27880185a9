import { z } from 'zod';
import { TOPICS } from '../core/bundle/schema.js';
import { VACANCY_CAUSES } from '../core/experts/invitations.js';
import { INVITATION_STATUSES, ROUND_KINDS } from '../core/experts/rounds.js';

// 评审轮次和邀请 (issue 14 §1): the province's rounds, invitations and vacancies; the expert's invitations and
// their answers (accept with the 保密承诺 and a conflict declaration per assigned application, or decline with
// a reason).

const instantSchema = z.iso.datetime({ offset: true });

export const createRoundBodySchema = z.object({
  callId: z.string().min(1, '申报计划：请选择').meta({ title: '申报计划' }),
  kind: z.enum(ROUND_KINDS, '评审方式：请选择函评或专家论证').meta({ title: '评审方式' }),
  name: z
    .string()
    .trim()
    .min(1, '轮次名称：请填写')
    .max(100, '轮次名称：不能超过 100 字')
    .meta({ title: '轮次名称' }),
  /** Absent: `review.invitationDays` days from now. */
  respondBy: instantSchema.optional().meta({ title: '邀请答复截止时间' }),
  dueAt: instantSchema.meta({ title: '评分截止时间' }),
});
export type CreateRoundBody = z.infer<typeof createRoundBodySchema>;

export const roundSchema = z
  .object({
    id: z.uuid(),
    callId: z.string(),
    callName: z.string(),
    kind: z.enum(ROUND_KINDS),
    name: z.string(),
    respondBy: instantSchema,
    dueAt: instantSchema,
    createdAt: instantSchema,
    /** Invitations by status. */
    invitations: z.record(z.enum(INVITATION_STATUSES), z.number().int()),
  })
  .meta({ id: 'ReviewRound' });
export type RoundView = z.infer<typeof roundSchema>;

export const roundListQuerySchema = z.object({
  callId: z.string().min(1).optional().meta({ title: '申报计划' }),
});
export const roundListResponseSchema = z.object({ rounds: z.array(roundSchema) });
export const roundResponseSchema = z.object({ round: roundSchema });

export const provinceInvitationSchema = z
  .object({
    id: z.uuid(),
    expert: z.object({ id: z.uuid(), name: z.string(), organizationName: z.string() }),
    status: z.enum(INVITATION_STATUSES),
    invitedAt: instantSchema,
    respondBy: instantSchema,
    respondedAt: instantSchema.nullable(),
    declineReason: z.string().nullable(),
    remindedAt: instantSchema.nullable(),
    /** Conflicts declared on accepting (the applications by title). */
    declaredConflicts: z.array(z.object({ applicationId: z.uuid(), reason: z.string() })),
    assignments: z.number().int(),
  })
  .meta({ id: 'RoundInvitation' });
export type ProvinceInvitationView = z.infer<typeof provinceInvitationSchema>;

export const roundDetailResponseSchema = z.object({
  round: roundSchema,
  invitations: z.array(provinceInvitationSchema),
});
export type RoundDetail = z.infer<typeof roundDetailResponseSchema>;

export const inviteBodySchema = z.object({
  expertIds: z
    .array(z.uuid('专家：编号无效'))
    .min(1, '邀请专家：请至少选择一位')
    .max(200, '邀请专家：一次不超过 200 位')
    .meta({ title: '邀请专家' }),
  /** Absent: the round's deadline while it is ahead, else `review.invitationDays` days from now. */
  respondBy: instantSchema.optional().meta({ title: '邀请答复截止时间' }),
});
export type InviteBody = z.infer<typeof inviteBodySchema>;

export const inviteResponseSchema = z.object({
  invited: z.array(provinceInvitationSchema),
  /** Experts already invited to the round (left as they were). */
  alreadyInvited: z.array(z.uuid()),
});

export const vacancySchema = z
  .object({
    id: z.uuid(),
    round: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(ROUND_KINDS) }),
    application: z.object({ id: z.uuid(), acceptanceNo: z.string().nullable(), title: z.string() }),
    /** The expert lost. */
    expert: z.object({ id: z.uuid(), name: z.string() }),
    cause: z.enum(VACANCY_CAUSES),
    causeLabel: z.string(),
    reason: z.string().nullable(),
    createdAt: instantSchema,
  })
  .meta({ id: 'ExpertVacancy' });
export type VacancyView = z.infer<typeof vacancySchema>;

export const vacancyListQuerySchema = z.object({
  callId: z.string().min(1).optional().meta({ title: '申报计划' }),
});
export const vacancyListResponseSchema = z.object({ vacancies: z.array(vacancySchema) });

export const reassignBodySchema = z.object({
  /** Absent: the round's scoring due date. */
  dueAt: instantSchema.optional().meta({ title: '评分截止时间' }),
});
export type ReassignBody = z.infer<typeof reassignBodySchema>;

export const reassignResponseSchema = z.object({
  assignmentId: z.uuid(),
  expert: z.object({ id: z.uuid(), name: z.string(), organizationName: z.string() }),
  fieldMatch: z.boolean(),
  /** The invitation the expert answers (new, or the one already accepted). */
  invitationStatus: z.enum(INVITATION_STATUSES),
});
export type ReassignResult = z.infer<typeof reassignResponseSchema>;

// The expert's side.

export const invitedApplicationSchema = z.object({
  applicationId: z.uuid(),
  acceptanceNo: z.string().nullable(),
  title: z.string(),
  /** The applying organization (never a person). */
  applicant: z.string(),
  topic: z.literal(TOPICS),
});

export const myInvitationSchema = z
  .object({
    id: z.uuid(),
    round: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(ROUND_KINDS), dueAt: instantSchema }),
    callName: z.string(),
    status: z.enum(INVITATION_STATUSES),
    respondBy: instantSchema,
    respondedAt: instantSchema.nullable(),
    /** Still answerable now (pending, before its deadline). */
    answerable: z.boolean(),
    declineReason: z.string().nullable(),
    applications: z.array(invitedApplicationSchema),
    /** The 保密承诺 to agree to (or agreed to). */
    confidentialityText: z.string(),
  })
  .meta({ id: 'MyInvitation' });
export type MyInvitationView = z.infer<typeof myInvitationSchema>;

export const myInvitationsResponseSchema = z.object({ invitations: z.array(myInvitationSchema) });
export const myInvitationResponseSchema = z.object({ invitation: myInvitationSchema });

const reasonSchema = (title: string) =>
  z.string().trim().min(1, `${title}：请填写`).max(500, `${title}：不能超过 500 字`).meta({ title });

export const acceptInvitationBodySchema = z.object({
  confidentiality: z.literal(true, '保密承诺：请阅读并勾选同意').meta({ title: '保密承诺' }),
  conflicts: z
    .array(
      z.object({
        applicationId: z.uuid('申报书：编号无效'),
        conflict: z.boolean('利益冲突：请选择是或否'),
        reason: z.string().trim().max(500, '利益冲突理由：不能超过 500 字').optional(),
      }),
    )
    .max(500)
    .meta({ title: '利益冲突声明' }),
});
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBodySchema>;

export const declineInvitationBodySchema = z.object({ reason: reasonSchema('谢绝理由') });
export type DeclineInvitationBody = z.infer<typeof declineInvitationBodySchema>;
