import type { Partner } from '../bundle/schema.js';
import { HK_MO_TW } from '../reference/countries.js';
import { PARTNER_QUESTIONS, type PartnerForm } from './form.js';

// A foreign (or HK/MO/TW) partner confirms the six facts of 二、1 that the applicant declared about it, or
// corrects them. Its word is what the rules judge while the confirmation holds.

export type PartnerFact = (typeof PARTNER_QUESTIONS)[number][0];
export const PARTNER_FACTS: readonly PartnerFact[] = PARTNER_QUESTIONS.map(([key]) => key);
export type PartnerFacts = Record<PartnerFact, boolean>;

/** A confirmation as the partner gave it, with the applicant's answers and the partner as named at that moment. */
export interface PartnerConfirmationRecord {
  /** Beijing date of the confirmation, YYYY-MM-DD. */
  confirmedOn: string;
  partnerName: string;
  country: string;
  declared: PartnerFacts;
  confirmed: PartnerFacts;
}

export interface PartnerCorrection {
  fact: PartnerFact;
  declared: boolean;
  confirmed: boolean;
}

export function correctionsOf(record: Pick<PartnerConfirmationRecord, 'declared' | 'confirmed'>) {
  return PARTNER_FACTS.filter((fact) => record.declared[fact] !== record.confirmed[fact]).map(
    (fact): PartnerCorrection => ({
      fact,
      declared: record.declared[fact],
      confirmed: record.confirmed[fact],
    }),
  );
}

/** The six answers of a form, when every one is given. */
export function declaredFacts(partner: PartnerForm | undefined): PartnerFacts | undefined {
  if (!partner || PARTNER_FACTS.some((fact) => partner[fact] === undefined)) return undefined;
  return Object.fromEntries(PARTNER_FACTS.map((fact) => [fact, partner[fact]!])) as PartnerFacts;
}

/**
 * Whether a confirmation still speaks for the form's partner: the same institution (name and country), and
 * each answer either the one the partner was shown or the one it gave (an applicant may adopt a correction).
 * Any other edit lapses it, and the link must be sent again.
 */
export function confirmationHolds(
  partner: PartnerForm | undefined,
  record: PartnerConfirmationRecord,
): boolean {
  if (!partner || (partner.name ?? '') !== record.partnerName || (partner.country ?? '') !== record.country) {
    return false;
  }
  return PARTNER_FACTS.every(
    (fact) => partner[fact] === record.declared[fact] || partner[fact] === record.confirmed[fact],
  );
}

/** The bundle's partner with the partner's own answers in place of the applicant's, and the confirmation noted. */
export function withConfirmation(partner: Partner, record: PartnerConfirmationRecord): Partner {
  const corrected = correctionsOf(record);
  return {
    ...partner,
    ...record.confirmed,
    confirmation: {
      confirmedOn: record.confirmedOn,
      declared: Object.fromEntries(corrected.map((c) => [c.fact, c.declared])),
    },
  };
}

const QUESTION = Object.fromEntries(PARTNER_QUESTIONS) as Record<PartnerFact, string>;
const yesNo = (value: boolean) => (value ? '是' : '否');

/** `经合作方确认（2026-05-10）`, what the 汇总表 and the department's checklist show. */
export const confirmationMark = (confirmedOn: string) => `经合作方确认（${confirmedOn}）`;

/** The mark, and each answer the partner corrected with both answers, as the department reads them. */
export function confirmationNote(partner: Partner): string | undefined {
  const confirmation = partner.confirmation;
  if (!confirmation) return undefined;
  const corrected = PARTNER_FACTS.filter((fact) => confirmation.declared[fact] !== undefined).map(
    (fact) =>
      `${QUESTION[fact]}：申报“${yesNo(confirmation.declared[fact]!)}”，合作方确认“${yesNo(partner[fact])}”`,
  );
  return [confirmationMark(confirmation.confirmedOn), ...corrected].join('；');
}

const CHINESE_SPEAKING = new Set(HK_MO_TW.map((c) => c.iso2));

/** The language the partner is written to: Chinese for HK/MO/TW, English for every other partner. */
export const partnerLanguage = (country: string): 'zh-CN' | 'en' =>
  CHINESE_SPEAKING.has(country) ? 'zh-CN' : 'en';
