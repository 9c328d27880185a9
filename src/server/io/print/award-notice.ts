import { PDFDocument } from 'pdf-lib';
import { awardNoticeDocument, type AwardNoticeInput } from '../../../core/print/award-notice.js';
import { embedFonts } from './fonts.js';
import { layOut, stampFooter } from './layout.js';

// The 立项通知书 as a PDF: the print model laid out with the embedded CJK font, each page footed with the project
// number. One or two pages, so it is rendered where it is asked for rather than in the print workers.

export async function renderAwardNotice(input: AwardNoticeInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const model = awardNoticeDocument(input);
  doc.setTitle(`${model.name} ${input.projectNo}`);
  doc.setProducer('shenbao');
  const fonts = await embedFonts(doc);
  const pages = layOut(doc, fonts, [model]);
  for (const [i, page] of pages.entries()) {
    stampFooter(page, fonts.regular, {
      left: [`项目编号：${input.projectNo}    ${input.award.issuer}`],
      right: `第 ${i + 1} 页 / 共 ${pages.length} 页`,
    });
  }
  return doc.save({ useObjectStreams: false });
}
