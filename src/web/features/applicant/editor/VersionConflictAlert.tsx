import { Alert, Button, Space } from 'antd';

/** Saving stopped on a version conflict: the applicant chooses whose text stays. */
export function VersionConflictAlert({
  onKeepMine,
  onTakeTheirs,
}: {
  onKeepMine(): void;
  onTakeTheirs(): void;
}) {
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="version-conflict"
      title="申报书已在其他窗口或由他人修改，本页的修改尚未保存"
      description="您在本页填写的内容仍保留在页面和本机中。请选择：用本页内容覆盖服务器上的版本，或放弃本页修改、载入服务器上的最新内容。"
      action={
        <Space orientation="vertical">
          <Button size="small" type="primary" onClick={onKeepMine}>
            用本页内容覆盖
          </Button>
          <Button size="small" danger onClick={onTakeTheirs}>
            载入最新内容
          </Button>
        </Space>
      }
    />
  );
}
