import { z } from 'zod';
import { instantSchema } from '../core/bundle/schema.js';
import { newPasswordSchema } from './auth.js';
import { emailSchema, mobileSchema, newLoginSchema, personNameSchema } from './common.js';
import { UNIT_ROLES } from './vocabulary.js';

// An organization's own accounts: its administrators, contacts and PIs, invited by e-mail.

/** How long an invitation's link can be used. */
export const INVITATION_VALID_DAYS = 7;

/** The roles an administrator can give an account that is not a PI's (a PI's is bound to its person). */
export const STAFF_UNIT_ROLES = ['unit-admin', 'unit-contact'] as const;

export const inviteUserBodySchema = z
  .object({
    email: emailSchema,
    role: z.enum(UNIT_ROLES).meta({ title: '角色' }),
    personId: z.uuid().optional().meta({ title: '项目负责人' }),
  })
  .superRefine((body, ctx) => {
    if (body.role === 'pi' && !body.personId) {
      ctx.addIssue({ code: 'custom', path: ['personId'], message: '项目负责人：请选择本单位登记的人员' });
    }
  });

export type InviteUserBody = z.infer<typeof inviteUserBodySchema>;

export const invitationSchema = z
  .object({
    /** The keyed hash of its token: names it for revoking, and opens nothing. */
    id: z.string(),
    email: z.string(),
    role: z.enum(UNIT_ROLES),
    personName: z.string().nullable(),
    invitedBy: z.string(),
    createdAt: instantSchema,
    expiresAt: instantSchema,
  })
  .meta({ id: 'Invitation' });

export type InvitationView = z.infer<typeof invitationSchema>;

export const invitationsResponseSchema = z.object({ invitations: z.array(invitationSchema) });

/** The new invitation, and its link: shown to the inviter this once (it is stored only hashed). */
export const invitationCreatedResponseSchema = z.object({ invitation: invitationSchema, link: z.url() });

export const invitationParamsSchema = z.object({
  id: z
    .string()
    .regex(/^[0-9a-f]{64}$/, '应为邀请的编号')
    .meta({ title: '邀请编号' }),
});

export const unitUserSchema = z
  .object({
    id: z.uuid(),
    login: z.string(),
    displayName: z.string(),
    role: z.enum(UNIT_ROLES),
    email: z.string().nullable(),
    /** Masked: 138****5678. */
    mobile: z.string().nullable(),
    personName: z.string().nullable(),
    disabled: z.boolean(),
    lastLoginAt: instantSchema.nullable(),
  })
  .meta({ id: 'UnitUser' });

export type UnitUserView = z.infer<typeof unitUserSchema>;

export const unitUsersResponseSchema = z.object({ users: z.array(unitUserSchema) });
export const unitUserResponseSchema = z.object({ user: unitUserSchema });

export const updateUnitUserBodySchema = z
  .object({
    role: z.enum(STAFF_UNIT_ROLES).optional().meta({ title: '角色' }),
    disabled: z.boolean().optional().meta({ title: '停用' }),
  })
  .refine((changes) => changes.role !== undefined || changes.disabled !== undefined, '请至少修改一项');

export type UpdateUnitUserBody = z.infer<typeof updateUnitUserBodySchema>;

const tokenSchema = z.string().trim().min(1).max(200).meta({ title: '邀请链接' });

export const invitationTokenBodySchema = z.object({ token: tokenSchema });

/** What the link's holder learns before accepting: whose invitation, for which role; nothing else. */
export const invitationSummaryResponseSchema = z.object({
  organizationName: z.string(),
  role: z.enum(UNIT_ROLES),
});

export const acceptInvitationBodySchema = z.object({
  token: tokenSchema,
  login: newLoginSchema,
  displayName: personNameSchema,
  mobile: mobileSchema,
  password: newPasswordSchema,
});

export type AcceptInvitationBody = z.infer<typeof acceptInvitationBodySchema>;

export const invitationAcceptedResponseSchema = z.object({ login: z.string() });
