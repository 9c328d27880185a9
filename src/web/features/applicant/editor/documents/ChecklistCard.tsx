import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import type { DocumentView } from '../../../../../contract/documents.js';
import { checklistDetail, satisfies, type ChecklistRow } from './checklist.js';
import type { DocumentModalTarget } from './DocumentModal.js';

/** How the applicant produces each commitment: the system prints it, the signers sign (and seal) it. */
function howTo(row: ChecklistRow, piName: string): string | undefined {
  if (row.key === 'unit') return '打印系统生成的承诺书，法定代表人签字、单位盖章后扫描上传。';
  if (row.key === 'pi') return `打印系统生成的承诺书，由项目负责人${piName}签字后扫描上传。`;
  return undefined;
}

/** 材料清单: each required or offered document, whether one is uploaded, and a button to upload it. */
export function ChecklistCard({
  rows,
  current,
  applicantId,
  piName,
  readOnly,
  onUpload,
}: {
  rows: ChecklistRow[];
  /** The documents as they stand (no superseded versions). */
  current: DocumentView[];
  applicantId: string;
  piName: string;
  readOnly: boolean;
  onUpload(target: DocumentModalTarget): void;
}) {
  return (
    <Card size="small" title="材料清单" style={{ marginBottom: 16 }}>
      <List
        dataSource={rows}
        renderItem={(row) => {
          const docs = current.filter((d) => satisfies(row, d, applicantId));
          const { required, kinds } = row.requirement;
          const hint = howTo(row, piName);
          return (
            <List.Item
              data-requirement={row.key}
              actions={
                readOnly
                  ? []
                  : [
                      <Button
                        key="upload"
                        size="small"
                        icon={<UploadOutlined />}
                        onClick={() =>
                          onUpload({
                            mode: 'upload',
                            kind: kinds[0]!,
                            parties: row.key === 'pi' ? [] : [applicantId, ...(row.party ? [row.party] : [])],
                          })
                        }
                      >
                        上传
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{row.title}</span>
                    {required ? <Tag color="red">必需</Tag> : <Tag>应传尽传</Tag>}
                    {docs.length > 0 ? (
                      <Tag color="success">已上传 {docs.length} 份</Tag>
                    ) : (
                      <Tag color={required ? 'error' : 'default'}>未上传</Tag>
                    )}
                  </Space>
                }
                description={
                  <Space orientation="vertical" size={0}>
                    {hint && <span>{hint}</span>}
                    {checklistDetail(row).map((line) => (
                      <Typography.Text key={line} type="secondary">
                        {line}
                      </Typography.Text>
                    ))}
                  </Space>
                }
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
