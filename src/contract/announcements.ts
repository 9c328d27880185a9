import { z } from 'zod';

const day = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });

export const announcementBodySchema = z
  .object({
    callId: z.string().min(1, '请选择申报计划').meta({ title: '申报计划' }),
    title: z.string().trim().min(1).max(200).optional().meta({ title: '公示标题' }),
    startsOn: day.optional().meta({ title: '公示开始日期' }),
    endsOn: day.optional().meta({ title: '公示结束日期' }),
  })
  .superRefine((body, ctx) => {
    if ((body.startsOn === undefined) !== (body.endsOn === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: '公示开始和结束日期须同时填写，或都不填（默认 5 个工作日）',
      });
    } else if (body.startsOn && body.endsOn && body.endsOn < body.startsOn) {
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: '公示结束日期不能早于开始日期' });
    }
  });
export type AnnouncementBody = z.infer<typeof announcementBodySchema>;

/** What a 公示 lists of a project: nothing that identifies or reaches a person beyond the PI's name. */
export const announcementEntrySchema = z
  .object({
    acceptanceNo: z.string(),
    title: z.string(),
    organizationName: z.string(),
    piName: z.string(),
    topic: z.number(),
    topicLabel: z.string(),
    partnerCountry: z.string().nullable(),
    partnerCountryName: z.string().nullable(),
    /** 省资助经费, yuan. */
    funding: z.number(),
  })
  .meta({ id: 'AnnouncementEntry' });
export type AnnouncementEntryView = z.infer<typeof announcementEntrySchema>;

export const announcementSchema = z
  .object({
    id: z.uuid(),
    callId: z.string(),
    title: z.string(),
    /** Absent on a draft that takes the default period at publication. */
    startsOn: z.iso.date().nullable(),
    endsOn: z.iso.date().nullable(),
    publishedAt: z.iso.datetime({ offset: true }).nullable(),
    entryCount: z.number(),
  })
  .meta({ id: 'Announcement' });
export type AnnouncementView = z.infer<typeof announcementSchema>;

export const announcementDetailSchema = z.object({
  announcement: announcementSchema,
  /** A draft: the approved projects it would list now; published: what it lists. */
  entries: z.array(announcementEntrySchema),
});
export type AnnouncementDetailView = z.infer<typeof announcementDetailSchema>;

export const announcementListQuerySchema = z.object({
  callId: z.string().min(1).optional().meta({ title: '申报计划' }),
});
export const announcementListResponseSchema = z.object({ announcements: z.array(announcementSchema) });
