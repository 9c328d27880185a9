import { queryOptions, useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions } from 'antd';
import { useParams } from 'react-router';
import type { FingerprintView } from '../../../contract/finalization.js';
import { api } from '../../shared/api.js';
import { beijingTime } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { PublicFrame } from './PublicFrame.js';

// Where the QR code on a printed 封面 leads: whether the fingerprint was generated here, when, and whether it
// is still the application's current 定稿. Nothing about the project: the paper may be lost.

const fingerprintQuery = (sha256: string) =>
  queryOptions({
    queryKey: ['public', 'fingerprints', sha256],
    queryFn: ({ signal }) => api<FingerprintView>(`/public/fingerprints/${sha256}`, { signal }),
    retry: false,
  });

const isFingerprint = (value: string) => /^[0-9a-f]{64}$/.test(value);

export function VerifyFingerprintPage() {
  const { sha256 = '' } = useParams();
  const valid = isFingerprint(sha256);
  const query = useQuery({ ...fingerprintQuery(sha256), enabled: valid });
  const unknown = (
    <Alert
      type="error"
      showIcon
      title="未找到该指纹"
      description="本平台没有生成过带有该指纹的申报材料。请核对二维码或页脚上的指纹是否完整。"
    />
  );
  return (
    <PublicFrame width={560}>
      <Card title="申报材料指纹核验" size="small">
        {valid ? (
          <PageState query={query} notFound={unknown}>
            {(fingerprint) => (
              <>
                <Alert
                  type={fingerprint.current ? 'success' : 'warning'}
                  showIcon
                  style={{ marginBottom: 16 }}
                  title={
                    fingerprint.current
                      ? '该指纹由本平台生成，是该申报书当前的定稿'
                      : '该指纹由本平台生成，但申报书此后已修改，不是当前的定稿'
                  }
                />
                <Descriptions column={1} size="small" bordered>
                  <Descriptions.Item label="生成时间">
                    {beijingTime(fingerprint.generatedAt)}（北京时间）
                  </Descriptions.Item>
                  <Descriptions.Item label="申报计划">{fingerprint.callName}</Descriptions.Item>
                  <Descriptions.Item label="受理编号">
                    {fingerprint.acceptanceNo ?? '尚未提交'}
                  </Descriptions.Item>
                  <Descriptions.Item label="指纹">
                    <span style={{ wordBreak: 'break-all', fontFamily: 'monospace' }}>{sha256}</span>
                  </Descriptions.Item>
                </Descriptions>
              </>
            )}
          </PageState>
        ) : (
          unknown
        )}
      </Card>
    </PublicFrame>
  );
}
