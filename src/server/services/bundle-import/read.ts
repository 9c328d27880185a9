import { parseBundle, parseJson, type ParseResult } from '../../../core/bundle/parse.js';
import { unsafeTextFields } from '../../http/unsafe-text.js';

/** A posted bundle as the import needs it: parsed and validated, whichever call it names. */
export interface ReadBundle {
  /** The `call` the bundle names, if it names one: the import decides whether it may be imported there. */
  call: string | null;
  parsed: ParseResult;
  /** `people[i].idNumber` by person id: an extra field the bundle schema strips. */
  idNumbers: Map<string, string>;
}

/** Reads the bytes of a posted bundle (UTF-8 JSON); never throws. Runs in a parse worker (reader.ts). */
export function readBundle(bytes: Uint8Array): ReadBundle {
  const read = parseJson(new TextDecoder().decode(bytes));
  if (!read.ok) return { call: null, parsed: read, idNumbers: new Map() };
  const declared = (read.json as { call?: unknown } | null)?.call;
  const call = typeof declared === 'string' ? declared : null;
  // What every other route's validation refuses (the route takes the bundle as bytes).
  const unsafe = unsafeTextFields(read.json);
  if (unsafe.length > 0) return { call, parsed: { ok: false, problems: unsafe }, idNumbers: new Map() };
  return {
    call,
    // The call is judged by the import against the call it imports into.
    parsed: parseBundle(read.json, { knownCall: () => true }),
    idNumbers: declaredIdNumbers(read.json),
  };
}

function declaredIdNumbers(input: unknown): Map<string, string> {
  const people = (input as { people?: unknown } | null)?.people;
  const found = new Map<string, string>();
  if (!Array.isArray(people)) return found;
  for (const p of people as { id?: unknown; idNumber?: unknown }[]) {
    if (typeof p?.id === 'string' && typeof p.idNumber === 'string' && p.idNumber.trim() !== '') {
      found.set(p.id, p.idNumber.trim().toUpperCase());
    }
  }
  return found;
}
