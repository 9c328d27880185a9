import { z } from 'zod';
import {
  applicationContentShape,
  foreignPersonSchema,
  memberSchema,
  piDetailsSchema,
} from '../core/application/content.js';
import { applicationFormSchema } from '../core/application/form.js';

// The 申报书 as reviewers read it (department, province, expert): the applicant's content less what identifies
// or reaches a person. No ID type or number ever leaves for a reviewer; an expert also sees no person's name
// or contact (src/server/presenters/reviewer-content.ts decides per audience).

export const reviewerMemberSchema = memberSchema
  .omit({ idType: true, idNumber: true })
  .extend({ name: z.string().optional() });

export const reviewerForeignPersonSchema = foreignPersonSchema.extend({ name: z.string().optional() });

export const reviewerTeamSchema = z.object({
  pi: piDetailsSchema.optional(),
  members: z.array(reviewerMemberSchema).optional(),
  foreignPi: reviewerForeignPersonSchema.optional(),
  foreignMembers: z.array(reviewerForeignPersonSchema).optional(),
});
export type ReviewerTeam = z.infer<typeof reviewerTeamSchema>;

export const reviewerContentSchema = z
  .object({ ...applicationContentShape, team: reviewerTeamSchema.optional() })
  .meta({ id: 'ReviewerContent' });
export type ReviewerContent = z.infer<typeof reviewerContentSchema>;

/** The whole form as a department reads it: the same, with the team as reviewers see it. */
export const reviewerFormSchema = applicationFormSchema.extend({ team: reviewerTeamSchema.optional() });
export type ReviewerForm = z.infer<typeof reviewerFormSchema>;
