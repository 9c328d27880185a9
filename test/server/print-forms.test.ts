import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { SECTION_LABELS } from '../../src/core/application/form.js';
import { printForms, printPackage } from '../../src/server/io/print/index.js';
import { PRINTED_FORMS, type PrintAttachment, type PrintOptions } from '../../src/server/io/print/types.js';
import { pdf } from '../../src/server/seed/pdf.js';
import { printSubject } from '../support/factories/print-subject.js';
import { pdfText, streamBytes } from '../support/pdf-text.js';

const FINGERPRINT = 'ab12'.repeat(16);
const final: PrintOptions = {
  mode: 'final',
  fingerprint: FINGERPRINT,
  acceptanceNo: 'JS2026-0042',
  verifyUrl: 'https://shenbao.example.cn/verify/ab12',
  generatedAt: new Date('2026-05-10T02:00:00Z'),
};
const draft: PrintOptions = { mode: 'draft', generatedAt: new Date('2026-05-10T02:00:00Z') };

async function formsPdf(options: PrintOptions) {
  return streamBytes(await printForms(printSubject(), PRINTED_FORMS, options));
}

/** A PDF of `pages` pages, each saying which attachment and page it is. */
async function attachmentPdf(name: string, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++)
    doc.addPage([612, 792]).drawText(`${name} page ${i}`, { x: 72, y: 700, font, size: 14 });
  return doc.save();
}

const attachment = (label: string, bytes: Uint8Array, opened: string[] = []): PrintAttachment => ({
  label,
  fileName: `${label}.pdf`,
  open: async () => {
    opened.push(label);
    return bytes;
  },
});

describe('the printed forms, read back', () => {
  it('hold every section title and the budget figures in 万元', async () => {
    const { text } = await pdfText(await formsPdf(final));
    for (const label of Object.values(SECTION_LABELS)) expect(text).toContain(label);
    for (const figure of ['300.00 万元', '200.00 万元', '80.00 万元']) expect(text).toContain(figure);
    for (const title of ['单位信息表', '项目信息表', '项目申报书', '经费预算表', '考核指标', '年度计划']) {
      expect(text).toContain(title);
    }
    expect(text).toContain('320102198001010011');
  });

  it('a final print carries the fingerprint, the 受理编号 and 第 n 页 / 共 N 页 on every page, and no watermark', async () => {
    const { pages } = await pdfText(await formsPdf(final));
    expect(pages.length).toBeGreaterThan(4);
    for (const [i, page] of pages.entries()) {
      expect(page).toContain(FINGERPRINT);
      expect(page).toContain('受理编号：JS2026-0042');
      expect(page).toContain(`第 ${i + 1} 页 / 共 ${pages.length} 页`);
      expect(page).not.toContain('草稿');
    }
    expect(pages[0]).toContain('计划类别');
  });

  it('a draft says 草稿 on every page and is not for signing', async () => {
    const { pages } = await pdfText(await formsPdf(draft));
    for (const page of pages) {
      expect(page).toContain('草稿，不作签字盖章用');
      expect(page.replace('草稿，不作签字盖章用', '')).toContain('草稿');
      expect(page).not.toContain('定稿指纹');
    }
  });

  it('a final print without a fingerprint is refused', async () => {
    await expect(formsPdf({ ...final, fingerprint: undefined })).rejects.toThrow(/fingerprint/);
  });

  it('embeds subsets of the CJK font (FontFile2), far smaller than the 10 MB font', async () => {
    const bytes = await formsPdf(final);
    expect(bytes.toString('latin1')).toContain('/FontFile2');
    expect(bytes.length).toBeLessThan(1_000_000);
  });
});

describe('the bound package', () => {
  it('binds 封面、单位信息表、项目信息表、项目申报书 then the attachments in order, numbered and footed throughout', async () => {
    const stream = await printPackage(printSubject(), final, [
      attachment('合作协议', await attachmentPdf('AGREEMENT', 3)),
      attachment('其他附件', pdf({ seed: 'other', size: 200_000 })),
    ]);
    const { pages } = await pdfText(await streamBytes(stream));
    const first = pages.findIndex((p) => p.includes('AGREEMENT page 1'));
    expect(pages[0]).toContain('计划类别');
    expect(pages[1]).toContain('单位信息表');
    expect(pages[2]).toContain('项目信息表');
    const form = pages.findIndex((p) => p.startsWith('项目申报书'));
    expect(form).toBeGreaterThan(2);
    expect(first).toBeGreaterThan(form);
    expect(pages.slice(first, first + 3).map((p) => /AGREEMENT page (\d)/.exec(p)?.[1])).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(pages).toHaveLength(first + 4);
    for (const [i, page] of pages.entries()) {
      expect(page).toContain(FINGERPRINT);
      expect(page).toContain('受理编号：JS2026-0042');
      expect(page).toContain(`第 ${i + 1} 页 / 共 ${pages.length} 页`);
    }
  });

  it('an attachment that is not a readable PDF takes one page saying so, in its place', async () => {
    const stream = await printPackage(printSubject(), draft, [
      attachment('合作协议', new TextEncoder().encode('not a pdf at all')),
      attachment('意向书', await attachmentPdf('LETTER', 1)),
    ]);
    const { pages } = await pdfText(await streamBytes(stream));
    const notice = pages.findIndex((p) => p.includes('附件“合作协议”（合作协议.pdf）无法并入装订本'));
    expect(notice).toBeGreaterThan(3);
    expect(pages[notice + 1]).toContain('LETTER page 1');
    for (const page of pages) expect(page).toContain('草稿，不作签字盖章用');
  });

  it('an attachment whose file cannot be read from storage takes a page saying so, and the package still ends', async () => {
    const missing = {
      label: '合作协议',
      fileName: '合作协议.pdf',
      open: () => Promise.reject(new Error('ENOENT')),
    };
    const stream = await printPackage(printSubject(), draft, [
      missing,
      attachment('意向书', await attachmentPdf('LETTER', 1)),
    ]);
    const { pages } = await pdfText(await streamBytes(stream));
    const notice = pages.findIndex((p) => p.includes('文件无法读取'));
    expect(notice).toBeGreaterThan(3);
    expect(pages[notice + 1]).toContain('LETTER page 1');
  });

  it('streams: the forms are on their way before the last attachment is opened to be copied', async () => {
    const opened: string[] = [];
    const bytes = await attachmentPdf('ATTACHMENT', 1);
    const stream = await printPackage(printSubject(), draft, [
      attachment('甲', bytes, opened),
      attachment('乙', bytes, opened),
    ]);
    const openedAtFirstChunk = await new Promise<number>((resolve) =>
      stream.once('data', () => resolve(opened.length)),
    );
    // Each attachment is opened twice: to count its pages, then to copy them.
    expect(openedAtFirstChunk).toBeLessThan(4);
    await streamBytes(stream);
    expect(opened).toEqual(['甲', '乙', '甲', '乙']);
  });
});
