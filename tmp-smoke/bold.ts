import { writeFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { embedFonts } from '../src/server/io/print/fonts.js';
const doc = await PDFDocument.create();
const { bold: b, regular: r } = await embedFonts(doc);
const p = doc.addPage();
p.drawText('计划类别 项目名称 申报单位 2026年度省国际科技合作', { x: 50, y: 700, size: 14, font: b });
p.drawText('计划类别 项目名称 申报单位 2026年度省国际科技合作', { x: 50, y: 650, size: 14, font: r });
writeFileSync('/tmp/bold.pdf', await doc.save());
