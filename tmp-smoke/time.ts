import { printSubject } from '../test/support/factories/print-subject.js';
import { renderForms } from '../src/server/io/print/render.js';
const s = printSubject();
for (let i = 0; i < 4; i++) {
  const t = performance.now();
  await renderForms(s, ['cover','unit-info','info-form','application-form'], { mode: 'draft', generatedAt: new Date() });
  console.log('forms', Math.round(performance.now()-t), 'ms');
}
