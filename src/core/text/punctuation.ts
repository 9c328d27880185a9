// Chinese sentences written by people end as they like (“。”, “；”, “.” or nothing); text that joins them
// must not double the punctuation (“。；”, “。。”).

const TRAILING = /[\s。．.；;，,、：:！!？?]+$/u;

/** `text` without its closing punctuation and surrounding spaces. */
export function withoutFinalPunctuation(text: string): string {
  return text.trim().replace(TRAILING, '');
}

/** Clauses joined by “；” (empty ones dropped), each without its own closing punctuation. */
export function joinClauses(clauses: readonly string[], separator = '；'): string {
  return clauses
    .map(withoutFinalPunctuation)
    .filter((c) => c !== '')
    .join(separator);
}

/** `text` closed by exactly one “。” (nothing for empty text). */
export function sentence(text: string): string {
  const bare = withoutFinalPunctuation(text);
  return bare === '' ? '' : `${bare}。`;
}
