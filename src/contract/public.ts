import { z } from 'zod';
import { announcementEntrySchema, announcementSchema } from './announcements.js';

// What anyone may read without signing in.

export const publicAnnouncementSchema = announcementSchema
  .omit({ startsOn: true, endsOn: true, publishedAt: true })
  .extend({ startsOn: z.iso.date(), endsOn: z.iso.date(), publishedAt: z.iso.datetime({ offset: true }) })
  .meta({ id: 'PublicAnnouncement' });
export type PublicAnnouncementView = z.infer<typeof publicAnnouncementSchema>;

export const publicAnnouncementListSchema = z.object({ announcements: z.array(publicAnnouncementSchema) });
export type PublicAnnouncementList = z.infer<typeof publicAnnouncementListSchema>;

export const publicAnnouncementDetailSchema = z.object({
  announcement: publicAnnouncementSchema,
  entries: z.array(announcementEntrySchema),
});
export type PublicAnnouncementDetail = z.infer<typeof publicAnnouncementDetailSchema>;
