import { readFileSync } from 'node:fs';
import { pdfText } from '../test/support/pdf-text.js';
const t = await pdfText(readFileSync('/tmp/forms.pdf'));
console.log(t.pages.length); console.log(t.pages[2]!.slice(0, 600));
