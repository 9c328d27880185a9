import { z } from 'zod';
import { DIRECTIONS, TOPICS } from '../core/bundle/schema.js';

export const callSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    noticeNumber: z.string(),
    isPractice: z.boolean(),
    open: z.boolean(),
    submissionClosesAt: z.iso.datetime({ offset: true }),
    recommendationClosesAt: z.iso.datetime({ offset: true }),
    paperClosesAt: z.iso.datetime({ offset: true }),
    topics: z.array(
      z.object({
        number: z.literal(TOPICS),
        name: z.string(),
        clause: z.string(),
        open: z.boolean(),
        streams: z.array(
          z.object({
            direction: z.enum(DIRECTIONS).nullable(),
            label: z.string(),
            directedOnly: z.boolean(),
            fundingCap: z.number().int(),
            fundingShare: z
              .object({ percent: z.number(), base: z.enum(['total', 'jiangsuTotal']) })
              .nullable(),
            keyFields: z.array(z.string()),
            partnerRequired: z.boolean(),
            countries: z
              .object({
                name: z.string(),
                allowed: z.array(z.string()).nullable(),
                key: z.array(z.string()).nullable(),
              })
              .nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'Call' });
export type CallDto = z.infer<typeof callSchema>;

export const callListResponseSchema = z.object({ calls: z.array(callSchema) });
