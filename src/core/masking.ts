// Personal numbers as lists show them: enough to tell people apart and to recognise one's own, not enough to
// use. Pure, so that the server's presenters and the web app mask alike.

const MASK = '*';

/** Keeps the first `head` and last `tail` characters of `value` and masks the rest; too short a value is all masked. */
function keepEnds(value: string, head: number, tail: number): string {
  const chars = [...value];
  if (chars.length <= head + tail) return MASK.repeat(chars.length);
  return (
    chars.slice(0, head).join('') + MASK.repeat(chars.length - head - tail) + chars.slice(-tail).join('')
  );
}

/**
 * A 居民身份证号 keeps its first four (province and city) and last four: `3201**********123X`. A passport or
 * other number keeps its first two and last two.
 */
export function maskIdNumber(idNumber: string): string {
  const value = idNumber.trim();
  return /^\d{17}[\dX]$/i.test(value) ? keepEnds(value, 4, 4) : keepEnds(value, 2, 2);
}

/**
 * A mainland mobile number keeps its first three and last four: `138****5678`; a country code before it
 * stays. Any other telephone number keeps its last four digits and the rest of its shape.
 */
export function maskPhone(phone: string): string {
  const value = phone.trim();
  const mobile = /^(\+?86)?(1\d{10})$/.exec(value.replace(/[\s-]/g, ''));
  if (mobile) return `${mobile[1] ? '+86 ' : ''}${keepEnds(mobile[2]!, 3, 4)}`;
  const digits = [...value].filter((c) => /\d/.test(c)).length;
  let seen = 0;
  return [...value]
    .map((c) => {
      if (!/\d/.test(c)) return c;
      seen += 1;
      return seen > digits - 4 ? c : MASK;
    })
    .join('');
}
