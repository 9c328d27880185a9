import {
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
export type FormDraft = Omit<ApplicationForm, 'domesticPartners'> & {
  domesticPartners?: DomesticPartnerDraft[];
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
  return {
    body: {
      topic: draft.topic,
      direction: draft.topic === 1 ? draft.direction : null,
      piId: draft.piId,
      form: { ...rest, ...(draft.form.domesticPartners ? { domesticPartners: partners } : {}) },
    },
    partnerIndex,
    heldBack,
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
