import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { padSubsetGlyphs } from '../src/server/io/print/fonts.js';
const bytes = readFileSync('node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
padSubsetGlyphs(bytes);
const f: any = fontkit.create(bytes);
const s: any = f.createSubset();
const ids = [...'计划类别项目'].map((ch) => s.includeGlyph(f.glyphForCodePoint(ch.codePointAt(0)!)));
console.log(ids, Object.getPrototypeOf(s).padded);
const out = s.encode ? null : null;
const chunks: Buffer[] = [];
const stream = s.encodeStream();
stream.on('data', (c: Buffer) => chunks.push(c));
stream.on('end', () => {
  const sub: any = fontkit.create(Buffer.concat(chunks));
  console.log('loca', sub.head.indexToLocFormat, sub.loca.offsets);
  for (const id of ids) { const g = sub.getGlyph(id); console.log(id, g.path.commands.length); }
});
