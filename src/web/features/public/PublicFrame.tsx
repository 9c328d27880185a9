import { useQuery } from '@tanstack/react-query';
import { Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { CallDto } from '../../shared/api.js';
import { callsQuery } from '../../shared/calls.js';

/** The call a visitor comes for: one open for applications, else the one that closed last (never a practice call). */
function currentCall(calls: readonly CallDto[]): CallDto | undefined {
  const real = calls.filter((c) => !c.isPractice);
  const latest = (a: CallDto | undefined, b: CallDto) =>
    a && Date.parse(a.submissionClosesAt) >= Date.parse(b.submissionClosesAt) ? a : b;
  return real.find((c) => c.open) ?? real.reduce<CallDto | undefined>(latest, undefined);
}

/** The frame of the pages one sees before signing in. */
export function PublicFrame({ width = 420, children }: { width?: number; children: ReactNode }) {
  // The notice is named once it is known; the page never waits for it.
  const call = useQuery({ ...callsQuery, select: ({ calls }) => currentCall(calls) }).data;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Content style={{ padding: '48px 16px' }}>
        <div style={{ maxWidth: width, margin: '0 auto' }}>
          <div style={{ textAlign: 'center', marginBottom: 24 }}>
            {/* The page's one h1, at the size of an h3. */}
            <Typography.Title level={1} style={{ marginBottom: 4, fontSize: 24 }}>
              省国际科技合作/港澳台科技合作计划
            </Typography.Title>
            <Typography.Text type="secondary" data-testid="public-notice">
              项目网上申报{call && ` · ${call.noticeNumber}`}
            </Typography.Text>
          </div>
          {children}
        </div>
      </Layout.Content>
    </Layout>
  );
}
