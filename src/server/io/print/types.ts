import type { Bundle } from '../../../core/bundle/schema.js';
import type { CallParameters } from '../../../core/calls/parameters.js';

// What the generator of the printed 申报书 reads. One generator serves the applicant, the department, the
// province and `shenbao print`: the server builds a bundle of the application (BundleService), the CLI reads one.

/** The documents the platform prints, in the order 三、2 binds them. */
export const PRINTED_FORMS = ['cover', 'unit-info', 'info-form', 'application-form'] as const;
export type PrintedForm = (typeof PRINTED_FORMS)[number];

/** The organisation's verified record beyond what the bundle holds (单位信息表); absent fields print as blank. */
export interface UnitRecord {
  address?: string | null;
  contactName?: string | null;
  contactMobile?: string | null;
  contactEmail?: string | null;
  departmentName?: string | null;
  verified?: boolean;
}

export interface PrintSubject {
  call: CallParameters;
  /** Holds the application, its organisation, PI and department. */
  bundle: Bundle;
  applicationId: string;
  unit?: UnitRecord;
}

export interface PrintOptions {
  /** `draft`: every page watermarked 草稿, not for signing. `final`: printed from a 定稿 snapshot. */
  mode: 'draft' | 'final';
  /** SHA-256 (hex) of the 定稿 snapshot, on every page's footer in `final` mode. */
  fingerprint?: string;
  /** 受理编号, on the footer once there is one. */
  acceptanceNo?: string;
  /** Absolute URL of the public page that confirms the fingerprint: the 封面's QR code. */
  verifyUrl?: string;
  generatedAt: Date;
}

/** An uploaded PDF bound after the forms (相关附件), opened only when its turn comes. */
export interface PrintAttachment {
  label: string;
  fileName: string;
  open(): Promise<Uint8Array>;
}
