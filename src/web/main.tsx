import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUSModule from 'antd/es/locale/en_US.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import { StrictMode, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import './app/i18n.js';
import { queryClient } from './app/query-client.js';
import { router } from './app/router.js';
import { keepScrollRegionsFocusable } from './app/scroll-regions.js';
import { SessionProvider } from './app/session.js';
import { appTheme } from './app/theme.js';

// antd's locale file is an ES module typed as CommonJS: TypeScript sees the locale under `default`, the bundler
// hands over the locale itself.
const zhCN = 'default' in zhCNModule ? zhCNModule.default : zhCNModule;
const enUS = 'default' in enUSModule ? enUSModule.default : enUSModule;
const theme = appTheme(window.matchMedia('(prefers-reduced-motion: reduce)').matches);
// Modal.confirm and its kin render outside the tree: without this they miss the theme.
ConfigProvider.config({
  holderRender: (children) => (
    <ConfigProvider locale={zhCN} theme={theme}>
      {children}
    </ConfigProvider>
  ),
});

keepScrollRegionsFocusable(document.body);

/** antd's own words (pagination, pickers, empty states) in the page's language. */
function LocalizedConfig({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <ConfigProvider locale={english ? enUS : zhCN} theme={theme}>
      {children}
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LocalizedConfig>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </QueryClientProvider>
      </AntApp>
    </LocalizedConfig>
  </StrictMode>,
);
