// The one source of the test data's variety: a generator seeded by SHENBAO_TEST_SEED (or a fixed default),
// so that a failing run replays with the same data. The seed is printed when a test fails (seed-report.ts).

const DEFAULT_SEED = 20_260_326;

function readSeed(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return DEFAULT_SEED;
  const seed = Number(text);
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new Error(`SHENBAO_TEST_SEED 应为非负整数，现为“${text}”`);
  }
  return seed;
}

export const TEST_SEED = readSeed(process.env.SHENBAO_TEST_SEED);

let state = TEST_SEED >>> 0;

/** mulberry32: a float in [0, 1). */
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let x = state;
  x = Math.imul(x ^ (x >>> 15), x | 1);
  x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
  return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
}

/** An integer in [0, max). */
function randomInt(max: number): number {
  return Math.floor(random() * max);
}

// Unique within a test file (and so within its database): a counter above an offset the seed draws, of
// eight digits, clear of the small numbers tests pick by hand (as in `creditCode(4242)`).
let sequence = 10_000_000 + randomInt(80_000_000);

/** A number no earlier call in this test file returned. */
export function uniqueNumber(): number {
  return ++sequence;
}

/** A version-4 UUID drawn from the generator. */
export function randomUuid(): string {
  const hex = Array.from({ length: 32 }, () => randomInt(16).toString(16));
  hex[12] = '4';
  hex[16] = (8 + randomInt(4)).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
