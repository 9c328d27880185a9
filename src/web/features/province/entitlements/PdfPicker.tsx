import { UploadOutlined } from '@ant-design/icons';
import { Button, Typography, Upload } from 'antd';
import { PDF_MIME, UPLOAD_MAX_BYTES } from '../../../../contract/documents.js';
import { formatMb } from '../../../../core/file-size.js';

/** Picks one evidence PDF to send with a form (a Form.Item's value); too large a file is refused before sending. */
export function PdfPicker({ value, onChange }: { value?: File; onChange?(file: File | undefined): void }) {
  return (
    <Upload
      accept={PDF_MIME}
      maxCount={1}
      showUploadList={false}
      beforeUpload={(file) => {
        onChange?.(file);
        return false;
      }}
    >
      <Button icon={<UploadOutlined />}>{value ? '换一个文件' : '选择证明文件（PDF）'}</Button>
      {value && (
        <Typography.Text style={{ marginLeft: 8 }}>
          {value.name}（{formatMb(value.size)}）
        </Typography.Text>
      )}
    </Upload>
  );
}

/** The Form.Item rules of an evidence PDF. */
export const PDF_RULES = [
  { required: true, message: '请选择证明文件（PDF）' },
  {
    validator: (_: unknown, file: File | undefined) =>
      file && file.size > UPLOAD_MAX_BYTES
        ? Promise.reject(new Error(`文件超过 ${formatMb(UPLOAD_MAX_BYTES)}的上限`))
        : Promise.resolve(),
  },
];
