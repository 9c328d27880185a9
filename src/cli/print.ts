import { writeFile } from 'node:fs/promises';
import { getCall } from '../core/calls/registry.js';
import { PRINTED_FORM_LABELS, PRINTED_FORMS, type PrintedForm } from '../core/print/forms.js';
import { renderForms } from '../server/io/print/render.js';
import { EXIT, type CliIo } from './io.js';
import { readBundle } from './read-bundle.js';

export const PRINT_USAGE =
  '用法：shenbao print <BUNDLE.json | -> --application 项目ID --out 文件.pdf [--form cover|unit-info|info-form|application-form]… [--draft] [--fingerprint SHA256] [--acceptance-no 受理编号] [--verify-url URL] [--hide-id-numbers]';

const VALUED = [
  '--application',
  '--out',
  '--form',
  '--fingerprint',
  '--acceptance-no',
  '--verify-url',
] as const;
const FLAGS = ['--draft', '--hide-id-numbers'] as const;
type Valued = (typeof VALUED)[number];
type Flag = (typeof FLAGS)[number];

interface Parsed {
  file: string;
  values: Partial<Record<Exclude<Valued, '--form'>, string>>;
  forms: PrintedForm[];
  flags: Set<Flag>;
}

function parseArgs(args: readonly string[]): Parsed | { problem: string } {
  const files: string[] = [];
  const values: Parsed['values'] = {};
  const forms: PrintedForm[] = [];
  const flags = new Set<Flag>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--') || arg === '-') {
      files.push(arg);
      continue;
    }
    if ((FLAGS as readonly string[]).includes(arg)) {
      flags.add(arg as Flag);
      continue;
    }
    if (!(VALUED as readonly string[]).includes(arg)) return { problem: `未知选项：${arg}` };
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) return { problem: `选项 ${arg} 缺少取值` };
    i++;
    if (arg === '--form') {
      if (!(PRINTED_FORMS as readonly string[]).includes(value)) {
        const known = PRINTED_FORMS.map((f) => `${f}（${PRINTED_FORM_LABELS[f]}）`).join('、');
        return { problem: `--form ${value}：可选 ${known}` };
      }
      forms.push(value as PrintedForm);
    } else {
      values[arg as Exclude<Valued, '--form'>] = value;
    }
  }
  const missing = (['--application', '--out'] as const).filter((o) => values[o] === undefined);
  if (missing.length > 0) return { problem: `缺少选项：${missing.join(' ')}` };
  if (files.length !== 1) return { problem: '须给出一个申报数据包' };
  const fingerprint = values['--fingerprint'];
  if (fingerprint !== undefined && !/^[0-9a-f]{64}$/.test(fingerprint)) {
    return { problem: `--fingerprint：应为 64 位十六进制的 SHA-256（小写）` };
  }
  if (fingerprint !== undefined && flags.has('--draft'))
    return { problem: '--draft 与 --fingerprint 不能同时使用' };
  return { file: files[0]!, values, forms: forms.length > 0 ? forms : [...PRINTED_FORMS], flags };
}

/**
 * `shenbao print`: the forms of one application of a bundle as a PDF. A bundle is no 定稿 snapshot, so the
 * print is a draft (watermarked 草稿) unless the snapshot's fingerprint is given.
 */
export async function printCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if ('problem' in parsed) {
    io.stderr(`${parsed.problem}\n${PRINT_USAGE}\n`);
    return EXIT.usage;
  }
  const { values, forms, flags } = parsed;
  const bundle = await readBundle(parsed.file, io, '未生成 PDF');
  if (!bundle) return EXIT.malformed;
  const call = getCall(bundle.call);
  if (!call) {
    io.stderr(`数据包的申报通知 “${bundle.call}” 不在本系统中，未生成 PDF\n`);
    return EXIT.malformed;
  }
  const applicationId = values['--application']!;
  if (!bundle.applications.some((a) => a.id === applicationId)) {
    const known = bundle.applications.map((a) => `${a.id}（${a.title}）`).join('、') || '无';
    io.stderr(`数据包中没有编号为 “${applicationId}” 的申报项目，未生成 PDF。可用的项目：${known}\n`);
    return EXIT.usage;
  }
  const fingerprint = values['--fingerprint'];
  const bytes = await renderForms({ call, bundle, applicationId }, forms, {
    mode: fingerprint ? 'final' : 'draft',
    ...(fingerprint ? { fingerprint } : {}),
    ...(values['--acceptance-no'] ? { acceptanceNo: values['--acceptance-no'] } : {}),
    ...(values['--verify-url'] ? { verifyUrl: values['--verify-url'] } : {}),
    ...(flags.has('--hide-id-numbers') ? { hideIdNumbers: true } : {}),
    generatedAt: new Date(),
  });
  const out = values['--out']!;
  try {
    await writeFile(out, bytes);
  } catch (error) {
    io.stderr(`无法写入 ${out}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return EXIT.usage;
  }
  const names = forms.map((f) => PRINTED_FORM_LABELS[f]).join('、');
  io.stdout(`已生成${fingerprint ? '' : '草稿（带“草稿”水印，不作签字盖章用）'}${names}：${out}\n`);
  return EXIT.judged;
}
