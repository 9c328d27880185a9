import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { queryClient } from './app/query-client.js';
import { router } from './app/router.js';
import { SessionProvider } from './app/session.js';

dayjs.locale('zh-cn');
// antd's locale file is an ES module typed as CommonJS: TypeScript sees the locale under `default`, the bundler
// hands over the locale itself.
const zhCN = 'default' in zhCNModule ? zhCNModule.default : zhCNModule;
// Whoever asks their system for less motion (WCAG 2.3.3) gets no animated dialogs or menus.
const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const theme = { token: { colorPrimary: '#1565c0', borderRadius: 6, motion: !reduceMotion } };
// Modal.confirm and its kin render outside the tree: without this they miss the theme.
ConfigProvider.config({
  holderRender: (children) => (
    <ConfigProvider locale={zhCN} theme={theme}>
      {children}
    </ConfigProvider>
  ),
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
