import { CloudUploadOutlined, DownloadOutlined, FileSearchOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Tag, Typography, Upload } from 'antd';
import { describeError } from '../../../shared/api.js';
import { DEPARTMENTS_KEY, departmentsApi, type DepartmentImportView } from './api.js';

type Row = DepartmentImportView['rows'][number];

const STATUS: Record<Row['status'], { label: string; color: string }> = {
  created: { label: '新增', color: 'green' },
  updated: { label: '更新', color: 'blue' },
  unchanged: { label: '不变', color: 'default' },
  invalid: { label: '有错误', color: 'red' },
};

/** 导入名单: choose an .xlsx, see each row's outcome and problems, then import it whole. */
export function ImportCard() {
  const queryClient = useQueryClient();
  const previewing = useMutation({ mutationFn: (file: File) => departmentsApi.preview(file) });
  const applying = useMutation({
    mutationFn: (file: File) => departmentsApi.apply(file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DEPARTMENTS_KEY }),
  });
  const file = previewing.variables;
  const outcome = applying.data ?? previewing.data;
  const error = applying.error ?? previewing.error;
  const invalid = outcome ? outcome.counts.invalid + outcome.fileProblems.length > 0 : false;
  const { counts } = outcome ?? {};

  return (
    <Card title="导入名单（.xlsx）" size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={departmentsApi.templateUrl}>
            下载模板
          </Button>
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(chosen) => {
              applying.reset();
              previewing.mutate(chosen);
              return false;
            }}
          >
            <Button
              icon={<FileSearchOutlined />}
              loading={previewing.isPending}
              data-testid="departments-preview"
            >
              选择文件并预览
            </Button>
          </Upload>
          {file && <Typography.Text type="secondary">{file.name}</Typography.Text>}
        </Space>
        <Typography.Text type="secondary">
          按名称识别：同名的更新，其余新增；空白的选填单元格保留原有内容。有任何错误行时整个文件都不写入。
        </Typography.Text>
        {error && <Alert type="error" showIcon title={describeError(error)} />}
        {outcome && counts && (
          <>
            <Space wrap>
              <Typography.Text strong>
                {outcome.applied ? '已导入' : '预览'}：新增 {counts.created}，更新 {counts.updated}，不变{' '}
                {counts.unchanged}，有错误 {counts.invalid}
              </Typography.Text>
              {!outcome.applied && (
                <Button
                  type="primary"
                  icon={<CloudUploadOutlined />}
                  disabled={invalid}
                  loading={applying.isPending}
                  onClick={() => file && applying.mutate(file)}
                  data-testid="departments-apply"
                >
                  导入
                </Button>
              )}
            </Space>
            {outcome.fileProblems.map((p) => (
              <Alert key={p.message} type="error" showIcon title={p.message} />
            ))}
            <Table<Row>
              size="small"
              rowKey="row"
              scroll={{ x: true }}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              dataSource={outcome.rows}
              onRow={(r) => (r.status === 'invalid' ? { style: { background: '#fff1f0' } } : {})}
              columns={[
                { title: '行', dataIndex: 'row', width: 60 },
                { title: '名称', dataIndex: 'name' },
                {
                  title: '结果',
                  dataIndex: 'status',
                  width: 80,
                  render: (s: Row['status']) => <Tag color={STATUS[s].color}>{STATUS[s].label}</Tag>,
                },
                {
                  title: '问题',
                  key: 'problems',
                  render: (_, r) =>
                    r.problems.map((p) => (
                      <Typography.Text key={p.message} type="danger" style={{ display: 'block' }}>
                        {p.message}
                      </Typography.Text>
                    )),
                },
              ]}
            />
          </>
        )}
      </Space>
    </Card>
  );
}
