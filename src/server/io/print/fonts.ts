import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

// Noto Sans SC (OFL-1.1) from the npm registry: a fresh install needs nothing else. The TrueType files are 10 MB
// each, read once per process; each document embeds a subset of the glyphs it uses.

const require = createRequire(import.meta.url);
const FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

let bytes: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;

function fontBytes() {
  bytes ??= Promise.all([
    readFile(require.resolve(FILES.regular)),
    readFile(require.resolve(FILES.bold)),
  ]).then(([regular, bold]) => {
    padSubsetGlyphs(regular);
    return { regular, bold };
  });
  return bytes;
}

interface TtfSubset {
  glyf: Uint8Array[];
  offset: number;
  _addGlyph(gid: number): number;
}

/**
 * fontkit's TrueType subset copies each glyph as it is, then writes a short `loca` table, which stores offsets
 * halved: after a glyph of odd length (Noto Sans SC has many) every later glyph is read a byte off and prints
 * blank. Padding each copied glyph to an even length keeps the offsets exact (TrueType allows the padding).
 */
function padSubsetGlyphs(ttf: Uint8Array) {
  const proto = Object.getPrototypeOf(fontkit.create(ttf as Buffer).createSubset()) as TtfSubset & {
    padded?: true;
  };
  if (proto.padded) return;
  const addGlyph = proto._addGlyph;
  proto._addGlyph = function (this: TtfSubset, gid: number) {
    const index = addGlyph.call(this, gid);
    const glyph = this.glyf[index]!;
    if (glyph.length % 2 === 1) {
      // fontkit's bundle has its own Buffer class, which its encoder checks for.
      const padded = (glyph.constructor as typeof Buffer).alloc(glyph.length + 1);
      padded.set(glyph);
      this.glyf[index] = padded;
      this.offset += 1;
    }
    return index;
  };
  proto.padded = true;
}

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

const parsed = new WeakMap<Uint8Array, ReturnType<typeof fontkit.create>>();

/**
 * fontkit, parsing each font file once per process: pdf-lib would parse it (cmap, layout tables) for every
 * document. A parsed font holds no document's state; each document makes its own subset.
 */
const sharedFontkit: typeof fontkit = {
  ...fontkit,
  create(data: Uint8Array, postscriptName?: string) {
    let font = parsed.get(data);
    if (!font) parsed.set(data, (font = fontkit.create(data as Buffer, postscriptName)));
    return font;
  },
};

export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  const { regular, bold } = await fontBytes();
  doc.registerFontkit(sharedFontkit);
  return {
    regular: await doc.embedFont(regular, { subset: true }),
    bold: await doc.embedFont(bold, { subset: true }),
  };
}
