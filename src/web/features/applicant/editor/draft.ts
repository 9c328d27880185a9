import { z } from 'zod';
import {
  applicationFormSchema,
  domesticPartnerFormSchema,
  type ApplicationForm,
  type DomesticPartnerForm,
} from '../../../../core/application/form.js';
import type { Direction, TopicNumber } from '../../../../core/bundle/schema.js';
import { normalizeCreditCode } from '../../../../core/credit-code.js';
import type { UpdateApplicationBody } from '../../../../contract/applications.js';
import type { ApplicationDto } from '../../../shared/api.js';

// What the applicant is editing: the form as typed, where a domestic partner may still be half filled in.
// The server takes only well-formed forms, so a save sends the complete partners and keeps the rest here
// (and in localStorage) until they are complete.

export type DomesticPartnerDraft = Partial<DomesticPartnerForm>;
type Team = NonNullable<ApplicationForm['team']>;
export type MemberDraft = Partial<NonNullable<Team['members']>[number]>;
export type ForeignPersonDraft = Partial<NonNullable<Team['foreignPi']>>;
export type MilestoneDraft = Partial<NonNullable<ApplicationForm['milestones']>[number]>;
export type InstrumentDraft = Partial<NonNullable<ApplicationForm['instruments']>['items'][number]>;
export interface TeamDraft {
  pi?: Team['pi'];
  members?: MemberDraft[];
  foreignPi?: ForeignPersonDraft;
  foreignMembers?: ForeignPersonDraft[];
}
export type FormDraft = Omit<ApplicationForm, 'domesticPartners' | 'team' | 'milestones' | 'instruments'> & {
  domesticPartners?: DomesticPartnerDraft[];
  team?: TeamDraft;
  milestones?: MilestoneDraft[];
  instruments?: { items: InstrumentDraft[]; sharingCommitment?: boolean | undefined };
};

export interface Draft {
  topic: TopicNumber;
  direction: Direction | null;
  piId: string;
  form: FormDraft;
}

export function draftOf(application: ApplicationDto): Draft {
  return {
    topic: application.topic,
    direction: application.direction,
    piId: application.pi.id,
    form: application.form,
  };
}

export interface Payload {
  body: Omit<UpdateApplicationBody, 'version'>;
  /** For each domestic partner sent, its index in the draft (the server's `domesticPartners[i]`). */
  partnerIndex: number[];
  /** Draft indices of the partners not sent because they are incomplete or malformed. */
  heldBack: number[];
  /** Paths of the other parts not sent for the same reason (a member half filled in, a mobile half typed). */
  heldBackFields: string[];
}

/**
 * The part of `value` that `schema` accepts, the rest left out and its path put in `dropped`: an object keeps its
 * well-formed fields, a list its well-formed items, as long as what is kept is itself well formed.
 */
export function wellFormedPart(schema: z.ZodType, value: unknown, path: string, dropped: string[]): unknown {
  if (value === undefined || schema.safeParse(value).success) return value;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    return wellFormedPart(schema.unwrap() as z.ZodType, value, path, dropped);
  }
  if (schema instanceof z.ZodArray && Array.isArray(value)) {
    const element = schema.element as z.ZodType;
    const kept = value.filter((item, i) => {
      const ok = element.safeParse(item).success;
      if (!ok) dropped.push(`${path}[${i}]`);
      return ok;
    });
    if (schema.safeParse(kept).success) return kept;
  } else if (schema instanceof z.ZodObject && value && typeof value === 'object' && !Array.isArray(value)) {
    const shape = schema.shape as Record<string, z.ZodType>;
    const inner: string[] = [];
    const kept = Object.fromEntries(
      Object.entries(value).flatMap(([key, v]) => {
        const part = shape[key] ? wellFormedPart(shape[key], v, `${path}.${key}`, inner) : undefined;
        return part === undefined ? [] : [[key, part]];
      }),
    );
    if (schema.safeParse(kept).success) {
      dropped.push(...inner);
      return kept;
    }
  }
  dropped.push(path);
  return undefined;
}

export function payloadOf(draft: Draft): Payload {
  const partners: DomesticPartnerForm[] = [];
  const partnerIndex: number[] = [];
  const heldBack: number[] = [];
  (draft.form.domesticPartners ?? []).forEach((partner, i) => {
    const parsed = domesticPartnerFormSchema.safeParse({
      ...partner,
      creditCode: normalizeCreditCode(partner.creditCode ?? ''),
    });
    if (parsed.success) {
      partners.push(parsed.data);
      partnerIndex.push(i);
    } else {
      heldBack.push(i);
    }
  });
  const { domesticPartners: _draftPartners, ...rest } = draft.form;
  const heldBackFields: string[] = [];
  const shape = applicationFormSchema.shape as Record<string, z.ZodType>;
  const form = Object.fromEntries(
    Object.entries(rest).flatMap(([key, value]) => {
      const part = shape[key] ? wellFormedPart(shape[key], value, key, heldBackFields) : undefined;
      return part === undefined ? [] : [[key, part]];
    }),
  );
  return {
    body: {
      topic: draft.topic,
      direction: draft.topic === 1 ? draft.direction : null,
      piId: draft.piId,
      form: {
        ...(form as Omit<ApplicationForm, 'domesticPartners'>),
        ...(draft.form.domesticPartners ? { domesticPartners: partners } : {}),
      },
    },
    partnerIndex,
    heldBack,
    heldBackFields,
  };
}

/** A server path (`domesticPartners[1].name`) as a draft path: the server numbers only the partners it holds. */
export function draftPath(path: string, partnerIndex: number[]): string {
  return path.replace(
    /^domesticPartners\[(\d+)\]/,
    (_, j: string) => `domesticPartners[${partnerIndex[Number(j)] ?? j}]`,
  );
}

/** JSON with sorted keys, to compare drafts however their keys were ordered. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

// An unsaved copy per application, so that a closed tab or a lost connection loses nothing.

export interface LocalCopy {
  /** When the applicant last changed the draft, ISO 8601 (this computer's clock). */
  changedAt: string;
  draft: Draft;
}

const storageKey = (applicationId: string) => `shenbao.draft.${applicationId}`;

export const localCopies = {
  read(applicationId: string): LocalCopy | undefined {
    try {
      const text = window.localStorage.getItem(storageKey(applicationId));
      return text ? (JSON.parse(text) as LocalCopy) : undefined;
    } catch {
      return undefined;
    }
  },
  /** `newerThan`: a server time the copy must count as newer than (it holds what that save left out). */
  write(applicationId: string, draft: Draft, newerThan?: string): void {
    try {
      const at = Math.max(Date.now(), newerThan ? Date.parse(newerThan) + 1000 : 0);
      const copy: LocalCopy = { changedAt: new Date(at).toISOString(), draft };
      window.localStorage.setItem(storageKey(applicationId), JSON.stringify(copy));
    } catch {
      // Storage full or disabled: the server copy is all there is.
    }
  },
  clear(applicationId: string): void {
    try {
      window.localStorage.removeItem(storageKey(applicationId));
    } catch {
      // As above.
    }
  },
};

/** The local copy worth offering back: newer than the server's (still editable) version and different from it. */
export function newerLocalCopy(application: ApplicationDto): LocalCopy | undefined {
  const local = localCopies.read(application.id);
  if (!local || !application.editable) return undefined;
  const newer = Date.parse(local.changedAt) > Date.parse(application.updatedAt);
  const differs = stableJson(local.draft) !== stableJson(draftOf(application));
  return newer && differs ? local : undefined;
}
