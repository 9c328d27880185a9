import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Radio, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { parseJson } from '../../../../core/bundle/parse.js';
import { parameterLabel } from '../../../../core/calls/diff.js';
import { ApiError, type FieldErrorView } from '../../../shared/api.js';
import { SaveModal } from '../../../shared/SaveModal.js';
import { callAdminApi, callAdminQueries, readCallsAgain } from './api.js';
import { namePathOf } from './editor/document.js';

// A new draft call: from a call file (`.call.json`, judged by the server), or from another call as a template
// under a new id and name. Either way the editor opens on it.

type Source = 'file' | 'template';

/** The server's problems with a call file: where in the file, and what is wrong there. */
function FileProblems({ problems }: { problems: FieldErrorView[] }) {
  return (
    <Alert
      type="error"
      showIcon
      data-testid="call-file-problems"
      title={`计划文件有 ${problems.length} 处问题，未新建计划`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 240, overflow: 'auto' }}>
          {problems.map((p) => (
            <li key={`${p.path}\n${p.message}`}>
              {parameterLabel(namePathOf(p.path))}（文件中的 <Typography.Text code>{p.path}</Typography.Text>
              ）：
              {p.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}

export function NewCallModal({ onClose }: { onClose(): void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const calls = useQuery(callAdminQueries.list());
  const [form] = Form.useForm<{ template: string; id: string; name: string }>();
  const [source, setSource] = useState<Source>('file');
  const [file, setFile] = useState<File>();
  const [problems, setProblems] = useState<FieldErrorView[]>([]);

  const create = async (document: unknown) => {
    try {
      const created = await callAdminApi.create(document);
      await readCallsAgain(queryClient);
      void navigate(`/province/calls/${encodeURIComponent(created.id)}/edit`);
    } catch (e) {
      if (e instanceof ApiError && e.fields.length > 0) setProblems(e.fields);
      throw e;
    }
  };

  const save = async () => {
    setProblems([]);
    if (source === 'file') {
      if (!file) throw new Error('请选择计划文件（.call.json）');
      const read = parseJson(await file.text());
      if (!read.ok) {
        setProblems(read.problems);
        throw new Error('计划文件不是有效的 JSON');
      }
      return create(read.json);
    }
    const values = await form.validateFields();
    const template = await callAdminApi.document(values.template);
    return create({ ...template.document, id: values.id.trim().toUpperCase(), name: values.name.trim() });
  };

  return (
    <SaveModal title="新建计划" okText="新建并编辑" save={save} onClose={onClose}>
      <Radio.Group
        value={source}
        onChange={(e) => setSource(e.target.value as Source)}
        optionType="button"
        style={{ marginBottom: 16 }}
        options={[
          { value: 'file', label: '上传计划文件' },
          { value: 'template', label: '以现有计划为模板' },
        ]}
      />
      {problems.length > 0 && <FileProblems problems={problems} />}
      {source === 'file' ? (
        <Upload
          accept=".json,application/json"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setProblems([]);
            return false;
          }}
          onRemove={() => setFile(undefined)}
        >
          <Button>选择 .call.json 文件</Button>
        </Upload>
      ) : (
        <Form form={form} layout="vertical">
          <Form.Item name="template" label="模板计划" rules={[{ required: true, message: '请选择模板计划' }]}>
            <Select
              loading={calls.isPending}
              options={(calls.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.id}）` }))}
            />
          </Form.Item>
          <Form.Item name="id" label="新计划编号" rules={[{ required: true, message: '请填写计划编号' }]}>
            <Input placeholder="如 JS-INTL-2027" />
          </Form.Item>
          <Form.Item name="name" label="新计划名称" rules={[{ required: true, message: '请填写计划名称' }]}>
            <Input />
          </Form.Item>
        </Form>
      )}
    </SaveModal>
  );
}
