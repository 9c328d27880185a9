import { queryOptions, useQuery } from '@tanstack/react-query';
import { Alert, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { FingerprintView } from '../../../contract/finalization.js';
import { addTranslations } from '../../app/i18n.js';
import { api } from '../../shared/api.js';
import { beijingTime } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { PublicCard } from './PublicCard.js';
import { PublicFrame, usePublicPageState } from './PublicFrame.js';

addTranslations('verify', {
  'zh-CN': {
    title: '申报材料指纹核验',
    unknown: '未找到该指纹',
    unknownDetail: '本平台没有生成过带有该指纹的申报材料。请核对二维码或页脚上的指纹是否完整。',
    current: '该指纹由本平台生成，是该申报书当前的定稿',
    outdated: '该指纹由本平台生成，但申报书此后已修改，不是当前的定稿',
    generatedAt: '生成时间',
    beijing: '{{time}}（北京时间）',
    call: '申报计划',
    acceptanceNo: '受理编号',
    notSubmitted: '尚未提交',
    fingerprint: '指纹',
  },
  en: {
    title: 'Check the fingerprint of printed application papers',
    unknown: 'Fingerprint not found',
    unknownDetail:
      'This platform has generated no application papers with this fingerprint. Check that the fingerprint under the QR code or in the footer is complete.',
    current: "This fingerprint was generated here and is the application's current final version",
    outdated:
      'This fingerprint was generated here, but the application has changed since: it is not the current final version',
    generatedAt: 'Generated',
    beijing: '{{time}} (Beijing time)',
    call: 'Call',
    acceptanceNo: 'Acceptance number',
    notSubmitted: 'Not yet submitted',
    fingerprint: 'Fingerprint',
  },
});

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
  const { t } = useTranslation('verify');
  const words = usePublicPageState();
  const { sha256 = '' } = useParams();
  const valid = isFingerprint(sha256);
  const query = useQuery({ ...fingerprintQuery(sha256), enabled: valid });
  const unknown = <Alert type="error" showIcon title={t('unknown')} description={t('unknownDetail')} />;
  return (
    <PublicFrame width={560}>
      <PublicCard title={t('title')} small>
        {valid ? (
          <PageState query={query} notFound={unknown} words={words}>
            {(fingerprint) => (
              <>
                <Alert
                  type={fingerprint.current ? 'success' : 'warning'}
                  showIcon
                  style={{ marginBottom: 16 }}
                  title={fingerprint.current ? t('current') : t('outdated')}
                />
                <Descriptions column={1} size="small" bordered>
                  <Descriptions.Item label={t('generatedAt')}>
                    {t('beijing', { time: beijingTime(fingerprint.generatedAt) })}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('call')}>{fingerprint.callName}</Descriptions.Item>
                  <Descriptions.Item label={t('acceptanceNo')}>
                    {fingerprint.acceptanceNo ?? t('notSubmitted')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('fingerprint')}>
                    <span style={{ wordBreak: 'break-all', fontFamily: 'monospace' }}>{sha256}</span>
                  </Descriptions.Item>
                </Descriptions>
              </>
            )}
          </PageState>
        ) : (
          unknown
        )}
      </PublicCard>
    </PublicFrame>
  );
}
