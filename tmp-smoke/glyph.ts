import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
const f: any = fontkit.create(readFileSync('node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
for (const ch of '计划类别项目') {
  const g = f.glyphForCodePoint(ch.codePointAt(0));
  console.log(ch, f.loca.offsets[g.id+1]-f.loca.offsets[g.id]);
}
console.log(f.head.indexToLocFormat);
