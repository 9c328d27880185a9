import { Layout, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The frame of the pages one sees before signing in. */
export function PublicFrame({ width = 420, children }: { width?: number; children: ReactNode }) {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Content style={{ padding: '48px 16px' }}>
        <div style={{ maxWidth: width, margin: '0 auto' }}>
          <div style={{ textAlign: 'center', marginBottom: 24 }}>
            <Typography.Title level={3} style={{ marginBottom: 4 }}>
              省国际科技合作/港澳台科技合作计划
            </Typography.Title>
            <Typography.Text type="secondary">项目网上申报 · 苏科资发〔2026〕26号</Typography.Text>
          </div>
          {children}
        </div>
      </Layout.Content>
    </Layout>
  );
}
