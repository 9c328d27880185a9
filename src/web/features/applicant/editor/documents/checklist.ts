import type { DocumentRequirementDto } from '../../../../../contract/calls.js';
import type { DocumentView } from '../../../../../contract/documents.js';
import { formatChineseDate } from '../../../../../core/time.js';
import type { DomesticPartnerDraft } from '../draft.js';

// The server says what the stream requires; the checklist names the parties of this form in it: one row per
// domestic partner for what must be signed with each.

export interface ChecklistRow {
  /** The requirement's key, or `domestic-<i>` for the form's i-th domestic partner. */
  key: string;
  requirement: DocumentRequirementDto;
  title: string;
  /** Who must have signed it besides the applicant: the partner's name or a domestic partner's credit code. */
  party?: string;
}

export function checklistRows(
  requirements: readonly DocumentRequirementDto[],
  partnerName: string | undefined,
  domesticPartners: readonly DomesticPartnerDraft[],
): ChecklistRow[] {
  return requirements.flatMap((requirement): ChecklistRow[] => {
    const { key, label, signedWith } = requirement;
    if (signedWith === 'domestic-partner') {
      return domesticPartners.flatMap((p, i) =>
        p.creditCode
          ? [
              {
                key: `${key}-${i}`,
                requirement,
                title: `与境内合作单位“${p.name || p.creditCode}”签署的${label}`,
                party: p.creditCode,
              },
            ]
          : [],
      );
    }
    if (signedWith === 'partner') {
      return [
        {
          key,
          requirement,
          title: `与主要境外合作机构${partnerName ? `“${partnerName}”` : ''}签署的${label}`,
          ...(partnerName ? { party: partnerName } : {}),
        },
      ];
    }
    return [{ key, requirement, title: label }];
  });
}

/** What the notice asks of it, in the notice's words, then the date it must be signed by and its items. */
export function checklistDetail({ requirement }: ChecklistRow): string[] {
  const { clause, quote, signedOnOrBefore, contents } = requirement;
  return [
    `〔${clause}〕${quote}`,
    ...(signedOnOrBefore ? [`签署日期须在${formatChineseDate(signedOnOrBefore)}或之前。`] : []),
    ...(contents.length > 0 ? [`须具备：${contents.map((c) => c.label).join('、')}。`] : []),
  ];
}

export function satisfies(row: ChecklistRow, doc: DocumentView, applicantId: string): boolean {
  if (!row.requirement.kinds.includes(doc.kind)) return false;
  if (!row.party) return true;
  return doc.metadata.parties.includes(applicantId) && doc.metadata.parties.includes(row.party);
}
