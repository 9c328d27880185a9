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

/** Whom an objection to a 公示 reaches: the call's contacts, as its notice names them. */
export const objectionContactSchema = z
  .object({
    unit: z.string(),
    people: z.array(z.string()),
    phones: z.array(z.string()),
    /** `null`: the notice gives the unit no address. */
    address: z.string().nullable(),
    /** Where the notice says it, e.g. 苏科资发〔2026〕26号三、4. */
    source: z.string(),
  })
  .meta({ id: 'ObjectionContact' });
export type ObjectionContactView = z.infer<typeof objectionContactSchema>;

export const publicAnnouncementDetailSchema = z.object({
  announcement: publicAnnouncementSchema,
  entries: z.array(announcementEntrySchema),
  contacts: z.array(objectionContactSchema),
  /** 受理编号 of the entries whose approval was revoked after publication (an upheld objection): 已撤销. */
  revokedAcceptanceNos: z.array(z.string()),
  /** Objections are taken online today: the Beijing date is within the period; its end is the deadline. */
  objectionsOpen: z.boolean(),
});
export type PublicAnnouncementDetail = z.infer<typeof publicAnnouncementDetailSchema>;
