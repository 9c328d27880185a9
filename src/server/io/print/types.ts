import type { Bundle } from '../../../core/bundle/schema.js';
import type { CallParameters } from '../../../core/calls/parameters.js';
import type { UnitRecord } from '../../../core/print/forms.js';

// What the generator of the printed 申报书 reads. One generator serves the applicant, the department, the
// province and `shenbao print`: the server builds a bundle of the application (BundleService), the CLI reads one.

export { PRINTED_FORMS, type PrintedForm, type UnitRecord } from '../../../core/print/forms.js';

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
  /** Reviewers' copies: the 项目申报书's team table leaves out ID numbers. */
  hideIdNumbers?: boolean;
}

/** An uploaded PDF bound after the forms (相关附件), opened only when its turn comes. */
export interface PrintAttachment {
  label: string;
  fileName: string;
  open(): Promise<Uint8Array>;
}
