import { Transform, type TransformCallback } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../errors.js';
import { FILE_FIELD, PDF_MIME } from '../../contract/documents.js';
import { formatMb } from '../../core/file-size.js';
import type { StagedFile } from '../storage/file-store.js';

// The checks an uploaded PDF passes before it is accepted. Size and type are judged while the bytes stream in,
// so an oversized or non-PDF upload is refused without being stored; the structure needs the file's end and a
// position it names, so it is judged on the staged file.

/** What file-type reads to decide (its `reasonableDetectionSizeInBytes`). */
const SNIFF_BYTES = 4100;
const TAIL_BYTES = 1024;
const HEADER = /^%PDF-(?:1\.\d|2\.0)/;

function fileError(code: 'FILE_TOO_LARGE' | 'FILE_NOT_PDF' | 'PDF_MALFORMED', message: string): AppError {
  return new AppError(code, { message, fields: [{ path: FILE_FIELD, message }] });
}

const malformed = (problem: string) =>
  fileError('PDF_MALFORMED', `PDF 文件结构有误：${problem}；请重新导出 PDF 后上传`);

/**
 * Passes the bytes through unchanged, failing the stream as soon as they exceed `maxBytes`, or once the first
 * bytes show that they are not a PDF with a `%PDF-1.x` / `%PDF-2.0` header.
 */
export class PdfUploadGate extends Transform {
  #received = 0;
  #head: Buffer[] | undefined = [];

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#received += chunk.length;
    if (this.#received > this.maxBytes) {
      callback(
        fileError('FILE_TOO_LARGE', `文件超过 ${formatMb(this.maxBytes)}的大小上限，请压缩或拆分后再上传`),
      );
    } else if (!this.#head) {
      callback(null, chunk);
    } else {
      this.#head.push(chunk);
      if (this.#received >= SNIFF_BYTES) this.#release(callback);
      else callback();
    }
  }

  override _flush(callback: TransformCallback): void {
    if (this.#head) this.#release(callback);
    else callback();
  }

  #release(callback: TransformCallback): void {
    const head = Buffer.concat(this.#head!);
    this.#head = undefined;
    checkHead(head).then(() => callback(null, head), callback);
  }
}

async function checkHead(head: Buffer): Promise<void> {
  if (head.length === 0) throw fileError('FILE_NOT_PDF', '文件是空的，请选择要上传的 PDF 文件');
  const type = await fileTypeFromBuffer(head);
  if (type?.mime !== PDF_MIME) {
    const actual = type ? `${type.ext.toUpperCase()} 格式（${type.mime}）` : '无法识别的格式';
    throw fileError('FILE_NOT_PDF', `文件内容是${actual}，不是 PDF（与文件扩展名无关）；请上传 PDF 文件`);
  }
  if (!HEADER.test(head.subarray(0, 8).toString('latin1'))) {
    throw malformed('文件头应为 %PDF-1.x 或 %PDF-2.0');
  }
}

/**
 * The file ends with `%%EOF` (within its last 1 KB), preceded by `startxref` and an offset inside the file where
 * a cross-reference table (`xref`) or a cross-reference stream (`N G obj << … /Type /XRef … >>`) begins.
 */
export async function checkPdfStructure(file: Pick<StagedFile, 'size' | 'read'>): Promise<void> {
  const tail = (await file.read(Math.max(0, file.size - TAIL_BYTES), TAIL_BYTES)).toString('latin1');
  const eof = tail.lastIndexOf('%%EOF');
  if (eof < 0) throw malformed('文件末尾 1 KB 内没有结束标记 %%EOF，文件可能不完整（上传中断或导出失败）');
  const startxref = /startxref\s+(\d+)\s*$/.exec(tail.slice(0, eof));
  if (!startxref) throw malformed('结束标记 %%EOF 之前缺少 startxref（交叉引用表的位置）');
  const offset = Number(startxref[1]);
  if (offset >= file.size) {
    throw malformed(`startxref 指向第 ${offset} 字节，超出了文件大小（${file.size} 字节）`);
  }
  // Readers tolerate an offset that lands on the line break before the keyword, and so do we.
  const target = (await file.read(offset, SNIFF_BYTES)).toString('latin1').replace(/^[\0\t\n\f\r ]+/, '');
  if (/^xref\s/.test(target)) return;
  const object = /^\d+\s+\d+\s+obj\b/.exec(target);
  const dictionary = object && target.slice(object[0].length).split(/\bstream\b/, 1)[0]!;
  if (dictionary && /\/Type\s*\/XRef\b/.test(dictionary)) return;
  throw malformed(`startxref 指向的第 ${offset} 字节处既不是交叉引用表（xref），也不是交叉引用流`);
}
