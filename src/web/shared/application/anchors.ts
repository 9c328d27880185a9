import type { DocumentPart } from '../../../core/experts/scoring-forms.js';

/** The element id of a part of the 申报书 on a reviewer's page, which a scoring criterion links to. */
export const partAnchor = (part: DocumentPart) => `part-${part}`;

/** Scrolls the page to `part`, if the page shows it. */
export function scrollToPart(part: DocumentPart) {
  const element = document.getElementById(partAnchor(part));
  element?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  element?.focus({ preventScroll: true });
}
