import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Typography,
  Upload,
} from 'antd';
import type { UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import {
  COMPLETENESS_FLAGS,
  DOCUMENT_KINDS,
  type CompletenessFlag,
  type DocumentKind,
} from '../../../../../core/bundle/schema.js';
import { DOCUMENT_KIND_LABELS } from '../../../../../core/labels.js';
import type { RequirementsDto } from '../../../../../contract/calls.js';
import {
  FILE_FIELD,
  PDF_MIME,
  UPLOAD_MAX_BYTES,
  type DocumentChanges,
  type DocumentView,
} from '../../../../../contract/documents.js';
import { api, ApiError, describeError } from '../../../../shared/api.js';
import { showFieldErrors } from '../../../../shared/forms.js';
import { formatMb } from '../../../../../core/file-size.js';
import { PRINT_DOCUMENTS, type SnapshotView } from '../../../../../contract/finalization.js';
import { beijingTime } from '../../../../shared/format.js';
import { shortFingerprint } from '../../../../shared/printing.js';

export interface PartyChoice {
  value: string;
  label: string;
}

interface Values {
  kind: DocumentKind;
  parties: string[];
  signedOn?: Dayjs | null;
  validUntil?: Dayjs | null;
  language: 'zh' | 'foreign';
  chineseTranslation: boolean;
  complete: CompletenessFlag[];
  printedFrom?: string;
  /** 其他附件's own title. */
  caption?: string;
}

export type DocumentModalTarget =
  { mode: 'upload'; kind: DocumentKind; parties: string[] } | { mode: 'edit'; document: DocumentView };

const date = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

function initialValues(target: DocumentModalTarget): Values {
  if (target.mode === 'upload') {
    return {
      kind: target.kind,
      parties: target.parties,
      language: 'zh',
      chineseTranslation: false,
      complete: [],
    };
  }
  const m = target.document.metadata;
  return {
    kind: target.document.kind,
    parties: m.parties,
    signedOn: m.signedOn ? dayjs(m.signedOn) : null,
    validUntil: m.validUntil ? dayjs(m.validUntil) : null,
    language: m.language,
    chineseTranslation: m.chineseTranslation,
    complete: COMPLETENESS_FLAGS.filter((f) => m.complete[f]),
    ...(m.printedFrom ? { printedFrom: m.printedFrom } : {}),
    caption: m.caption ?? '',
  };
}

/** A scan of a form the platform prints names the 定稿 it was printed from. */
const isPrintedForm = (kind: DocumentKind | undefined) =>
  (PRINT_DOCUMENTS as readonly string[]).includes(kind ?? '');

/** The metadata as multipart fields, in the names `POST|PUT …/documents` reads. */
function appendMetadata(form: FormData, values: Values) {
  form.append('kind', values.kind);
  for (const party of values.parties) form.append('parties', party);
  if (values.signedOn) form.append('signedOn', date(values.signedOn)!);
  if (values.validUntil) form.append('validUntil', date(values.validUntil)!);
  form.append('language', values.language);
  form.append('chineseTranslation', String(values.language === 'foreign' && values.chineseTranslation));
  for (const flag of COMPLETENESS_FLAGS)
    form.append(`complete.${flag}`, String(values.complete.includes(flag)));
  if (isPrintedForm(values.kind) && values.printedFrom) form.append('printedFrom', values.printedFrom);
  if (values.kind === 'other-attachment' && values.caption?.trim())
    form.append('caption', values.caption.trim());
}

function pdfProblem(file: File): string | undefined {
  if (file.size > UPLOAD_MAX_BYTES) {
    return `文件 ${formatMb(file.size)}，超过上限 ${formatMb(UPLOAD_MAX_BYTES)}`;
  }
  if (file.type && file.type !== PDF_MIME) return '请上传 PDF 文件';
  if (!file.type && !/\.pdf$/i.test(file.name)) return '请上传 PDF 文件';
  return undefined;
}

export function DocumentModal({
  applicationId,
  target,
  partyChoices,
  terms,
  snapshots = [],
  onClose,
  onSaved,
}: {
  applicationId: string;
  target: DocumentModalTarget | null;
  partyChoices: PartyChoice[];
  /** The call's questions on each kind's completeness, and its words on translations, once loaded. */
  terms: Pick<RequirementsDto, 'questions' | 'translation'> | undefined;
  /** The application's 定稿, newest first: what a signed scan was printed from. */
  snapshots?: readonly SnapshotView[];
  onClose(): void;
  onSaved(document: DocumentView): void;
}) {
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [openedFor, setOpenedFor] = useState(target);
  const language = Form.useWatch('language', form);
  const kind = Form.useWatch('kind', form);
  const asked = terms?.questions.find((q) => q.kind === kind);

  // A new target starts with no file and no error (reset while rendering, not in an effect after it).
  if (target !== openedFor) {
    setOpenedFor(target);
    setFiles([]);
    setError(undefined);
  }
  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue(initialValues(target));
  }, [target, form]);

  const file = files[0]?.originFileObj;

  const save = async () => {
    if (!target) return;
    // Only mounted fields answer: a kind asked no completeness question has no `complete` field.
    const read: Partial<Values> & Omit<Values, 'complete'> = await form.validateFields();
    const values: Values = { ...read, complete: read.complete ?? [] };
    if (target.mode === 'upload' && !file) {
      setError('请选择要上传的 PDF 文件');
      return;
    }
    const problem = file && pdfProblem(file);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      let saved: DocumentView;
      if (file) {
        const body = new FormData();
        appendMetadata(body, values);
        body.append(FILE_FIELD, file, file.name);
        const path =
          target.mode === 'upload'
            ? `/applications/${applicationId}/documents`
            : `/applications/${applicationId}/documents/${target.document.id}`;
        ({ document: saved } = await api<{ document: DocumentView }>(path, {
          method: target.mode === 'upload' ? 'POST' : 'PUT',
          form: body,
        }));
      } else {
        const changes: DocumentChanges = {
          kind: values.kind,
          parties: values.parties,
          signedOn: date(values.signedOn) ?? null,
          validUntil: date(values.validUntil) ?? null,
          language: values.language,
          chineseTranslation: values.language === 'foreign' && values.chineseTranslation,
          complete: Object.fromEntries(COMPLETENESS_FLAGS.map((f) => [f, values.complete.includes(f)])),
          ...(isPrintedForm(values.kind) && values.printedFrom ? { printedFrom: values.printedFrom } : {}),
          ...(values.kind === 'other-attachment' && values.caption?.trim()
            ? { caption: values.caption.trim() }
            : {}),
        };
        const id = (target as { document: DocumentView }).document.id;
        ({ document: saved } = await api<{ document: DocumentView }>(
          `/applications/${applicationId}/documents/${id}`,
          { method: 'PATCH', body: changes },
        ));
      }
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError) {
        showFieldErrors(
          form,
          e.fields.filter((f) => f.path !== FILE_FIELD),
        );
      }
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const title =
    target?.mode === 'edit'
      ? `修改附件：${target.document.fileName}`
      : `上传附件${kind ? `：${DOCUMENT_KIND_LABELS[kind]}` : ''}`;

  return (
    <Modal
      title={title}
      open={target !== null}
      onCancel={onClose}
      onOk={save}
      okText={target?.mode === 'edit' ? '保存' : '上传'}
      confirmLoading={busy}
      width={720}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" name="document">
        <Form.Item
          label={target?.mode === 'edit' ? '替换文件（可选）' : 'PDF 文件'}
          required={target?.mode !== 'edit'}
        >
          <Upload
            accept=".pdf,application/pdf"
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList.slice(-1))}
          >
            <Button icon={<UploadOutlined />}>选择 PDF 文件</Button>
          </Upload>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
            签字盖章后扫描为 PDF，单个文件不超过 {formatMb(UPLOAD_MAX_BYTES)}
            {target?.mode === 'edit' && '；不选文件则只修改下列信息，原文件保留'}
          </Typography.Text>
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item label="附件类型" name="kind" rules={[{ required: true, message: '请选择附件类型' }]}>
              <Select options={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item
              label="签署方"
              name="parties"
              extra="合作协议、意向书须列明申报单位和对方；规则按签署方核对是否与境外合作机构及每家境内合作单位签署"
            >
              <Select mode="tags" options={partyChoices} placeholder="选择或输入签署方" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label="签署日期" name="signedOn">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label="有效期至" name="validUntil">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="文本语言" name="language">
              <Radio.Group
                options={[
                  { value: 'zh', label: '中文' },
                  { value: 'foreign', label: '外文' },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        {kind === 'other-attachment' && (
          <Form.Item
            label="附件名称"
            name="caption"
            rules={[
              { required: true, whitespace: true, message: '请填写附件名称，例如：查新报告' },
              { max: 100, message: '附件名称不能超过 100 字' },
            ]}
            extra="说明这份附件是什么，评审专家据此查阅"
          >
            <Input maxLength={100} placeholder="例如：查新报告、前期合作成果" />
          </Form.Item>
        )}
        {language === 'foreign' && (
          <Form.Item
            name="chineseTranslation"
            valuePropName="checked"
            extra={terms?.translation && `${terms.translation.quote}〔${terms.translation.clause}〕`}
          >
            <Checkbox>已附中文翻译件</Checkbox>
          </Form.Item>
        )}
        {isPrintedForm(kind) && (
          <Form.Item
            label="打印自哪一版定稿"
            name="printedFrom"
            rules={[{ required: true, message: '请选择扫描件打印自哪一版定稿' }]}
            extra={
              snapshots.length === 0 ? '尚未定稿：请先在“定稿与打印”中定稿，打印签字盖章后再上传' : undefined
            }
          >
            <Select
              placeholder="请选择定稿"
              options={snapshots.map((s) => ({
                value: s.sha256,
                label: `${beijingTime(s.createdAt)} · 指纹前 8 位 ${shortFingerprint(s.sha256)}`,
              }))}
            />
          </Form.Item>
        )}
        {asked && asked.flags.length > 0 && (
          <Form.Item label={`文件要素〔${asked.clause}〕：${asked.quote}`} name="complete">
            <Checkbox.Group options={asked.flags.map(({ flag, label }) => ({ value: flag, label }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
