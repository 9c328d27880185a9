// A file name as uploaders send it may hide its real extension behind bidi controls ("a\u202Efdp.html" shows
// as "alm.pdf") or claim another type; names are shown and sent back in Content-Disposition, never used as paths.

const MAX_BASE_LENGTH = 120;
/** Control characters and format characters (bidi controls U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C, zero widths, BOM …). */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
/** A last extension: letters and digits with at least one letter ("x.html", not "v1.2" or "2026.03.01 协议"). */
const EXTENSION = /\.(?=[^.]*\p{L})[\p{L}\p{N}]{1,10}$/u;

/**
 * The name fit to show and to send back: invisible characters gone, separators and line breaks as spaces or
 * underscores, trimmed and shortened; with `extension` (".pdf") whatever extension it had is replaced by it.
 * '' when nothing is left, so that the caller names the file itself.
 */
export function cleanFileName(name: string, extension?: string): string {
  let clean = name
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/[\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/[/\\]/g, '_')
    .trim();
  if (extension !== undefined) clean = clean.replace(EXTENSION, '').trim();
  // Whole code points, so that no surrogate pair is cut in half.
  const characters = [...clean];
  const base = (
    extension === undefined ? characters.slice(-MAX_BASE_LENGTH) : characters.slice(0, MAX_BASE_LENGTH)
  )
    .join('')
    .trim();
  if (base === '' || /^\.+$/.test(base)) return '';
  return extension === undefined ? base : `${base}${extension}`;
}
