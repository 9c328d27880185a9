import { z } from 'zod';
import { DEPARTMENT_KINDS, DIRECTIONS, TOPICS } from '../core/bundle/schema.js';
import { APPLICATION_STATUSES } from './vocabulary.js';

const instantSchema = z.iso.datetime({ offset: true });

export const dashboardQuerySchema = z.object({
  call: z.string().min(1).max(64).meta({ title: '申报计划' }),
  days: z.coerce.number().int().min(1).max(30).default(7).meta({ title: '截止前天数' }),
});

const topicSchema = z.literal(TOPICS);

export const dashboardSchema = z
  .object({
    call: z.object({ id: z.string(), name: z.string() }),
    /** Applications received: submitted at least once and not withdrawn. */
    byStatus: z.array(z.object({ status: z.enum(APPLICATION_STATUSES), received: z.number().int() })),
    byTopic: z.array(
      z.object({ topic: topicSchema, received: z.number().int(), recommended: z.number().int() }),
    ),
    byDepartment: z.array(
      z.object({
        departmentId: z.uuid(),
        name: z.string(),
        kind: z.enum(DEPARTMENT_KINDS),
        received: z.number().int(),
        recommended: z.number().int(),
      }),
    ),
    /** ISO 3166-1 alpha-2 of the main foreign partner; `null`: none (专题一). */
    byCountry: z.array(z.object({ country: z.string().nullable(), received: z.number().int() })),
    /** Provincial funding requested (yuan) per open stream, against its cap. */
    funding: z.array(
      z.object({
        topic: topicSchema,
        direction: z.enum(DIRECTIONS).nullable(),
        label: z.string(),
        cap: z.number(),
        count: z.number().int(),
        sum: z.number(),
        min: z.number(),
        q1: z.number(),
        median: z.number(),
        q3: z.number(),
        max: z.number(),
        overCap: z.number().int(),
      }),
    ),
    /** Submissions per clock hour over the last days before online submission closes. */
    submissions: z.object({
      from: instantSchema,
      to: instantSchema,
      closesAt: instantSchema,
      hours: z.array(z.object({ hour: instantSchema, count: z.number().int() })),
    }),
  })
  .meta({ id: 'Dashboard' });
export type DashboardDto = z.infer<typeof dashboardSchema>;
