import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { queryClient } from './app/query-client.js';
import { router } from './app/router.js';
import { keepScrollRegionsFocusable } from './app/scroll-regions.js';
import { SessionProvider } from './app/session.js';
import { appTheme } from './app/theme.js';

// antd's locale file is an ES module typed as CommonJS: TypeScript sees the locale under `default`, the bundler
// hands over the locale itself.
const zhCN = 'default' in zhCNModule ? zhCNModule.default : zhCNModule;
const theme = appTheme(window.matchMedia('(prefers-reduced-motion: reduce)').matches);
dayjs.locale('zh-cn');
// Modal.confirm and its kin render outside the tree: without this they miss the theme.
ConfigProvider.config({
  holderRender: (children) => (
    <ConfigProvider locale={zhCN} theme={theme}>
      {children}
    </ConfigProvider>
  ),
});

keepScrollRegionsFocusable(document.body);

// The app is Chinese; the pages that also ship in English (public, partner) set their language inside
// `BilingualConfig`, so that i18next travels only with them.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme}>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </QueryClientProvider>
    </ConfigProvider>
  </StrictMode>,
);
