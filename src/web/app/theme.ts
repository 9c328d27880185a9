import type { ThemeConfig } from 'antd';

// The theme of every page. antd's default greys, status colours and tag palettes fall short of WCAG 2.1's 4.5:1
// for text (secondary text 0.45 black is 3.4:1 on the page's grey, a gold tag 2.8:1, a success tag 2.2:1): the
// text colours are taken a shade darker here, once, instead of page by page. Light backgrounds and borders
// are kept as antd draws them, since a darker seed would otherwise darken them too. (A tag palette's
// shades cannot be set here: styles.css darkens the preset tags' text.)
const ACCESSIBLE_COLOURS: ThemeConfig['token'] = {
  colorPrimary: '#1565c0',
  colorInfo: '#1565c0',
  colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
  colorTextDescription: 'rgba(0, 0, 0, 0.6)',
  // A select's placeholder is text axe measures (an input's is not): 4.7:1 on white.
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  colorSuccess: '#237804',
  colorSuccessBg: '#f6ffed',
  colorSuccessBorder: '#b7eb8f',
  colorWarning: '#874d00',
  colorWarningBg: '#fffbe6',
  colorWarningBorder: '#ffe58f',
  colorError: '#cf1322',
  colorErrorBg: '#fff2f0',
  colorErrorBorder: '#ffccc7',
};

/** `reduceMotion`: whoever asks their system for less motion (WCAG 2.3.3) gets no animated dialogs or menus. */
export const appTheme = (reduceMotion: boolean): ThemeConfig => ({
  token: { ...ACCESSIBLE_COLOURS, borderRadius: 6, motion: !reduceMotion },
});
