import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { addTranslations, i18n } from '../../app/i18n.js';
import { ApiError, describeError, type CallDto } from '../../shared/api.js';
import type { PageStateWords } from '../../shared/PageState.js';
import { BilingualConfig } from '../../shared/BilingualConfig.js';
import { callsQuery } from '../../shared/calls.js';
import { LanguageSwitch } from '../../shared/LanguageSwitch.js';

// The frame of the public pages, in Chinese or English (issue 15 §5). Server errors come in Chinese from the
// catalogue; an English page says in English those a public page meets (`errors`, by code), any other as it came.

addTranslations('public', {
  'zh-CN': {
    programme: '省国际科技合作/港澳台科技合作计划',
    online: '项目网上申报',
    pageState: {
      retry: '重试',
      failed: '加载失败',
      loading: '正在加载…',
      stale: '刷新失败，页面显示的是之前读取的内容：',
      empty: '暂无数据',
    },
  },
  en: {
    programme: 'Jiangsu International / Hong Kong, Macao and Taiwan S&T Cooperation Programme',
    online: 'Online applications',
    pageState: {
      retry: 'Retry',
      failed: 'Could not load',
      loading: 'Loading…',
      stale: 'Could not refresh; the page shows what was read before: ',
      empty: 'Nothing here yet',
    },
    errors: {
      NETWORK: 'The server cannot be reached. Please check your connection and try again.',
      INVALID_CREDENTIALS: 'Wrong login name or password.',
      ACCOUNT_DISABLED: 'This account has been disabled. Please contact your administrator.',
      TOO_MANY_LOGIN_ATTEMPTS: 'Too many failed sign-ins. Please try again later.',
      TOO_MANY_REQUESTS: 'Too many requests. Please try again later.',
      RESET_LINK_INVALID:
        'This password reset link is not valid. Check that it is complete, or ask for a new one.',
      RESET_LINK_EXPIRED:
        'This password reset link has expired (it is valid for 30 minutes). Please ask for a new one.',
      RESET_LINK_USED: 'This password reset link has already been used. Please ask for a new one.',
      INVITATION_INVALID: 'This invitation link is not valid.',
      INVITATION_USED: 'This invitation has already been accepted.',
      INVITATION_EXPIRED:
        'This invitation has expired. Please ask your unit administrator to invite you again.',
      LOGIN_TAKEN: 'This login name is already in use. Please choose another.',
      CREDIT_CODE_TAKEN: 'An organization with this unified social credit code is already registered.',
      NOT_FOUND: 'Not found, or not yours to see.',
      OBJECTION_PERIOD_CLOSED: 'Objections are accepted only during the publication period.',
      APPROVAL_REVOKED: 'The approval of this project has been revoked after an objection was upheld.',
    },
  },
});

/**
 * The error as an English page says it where it knows the code, else the server's Chinese message (which names
 * the field: a refused field's message stays as the server wrote it). Called while the page renders.
 */
export function publicError(error: unknown): string {
  const message = describeError(error);
  return error instanceof ApiError
    ? i18n.t(`errors.${error.code}`, { ns: 'public', defaultValue: message })
    : message;
}

/** PageState's words in the public page's language. */
export function usePublicPageState(): PageStateWords {
  const { t } = useTranslation('public');
  return t('pageState', { returnObjects: true }) as PageStateWords;
}

/** The call a visitor comes for: one open for applications, else the one that closed last (never a practice call). */
function currentCall(calls: readonly CallDto[]): CallDto | undefined {
  const real = calls.filter((c) => !c.isPractice);
  const latest = (a: CallDto | undefined, b: CallDto) =>
    a && Date.parse(a.submissionClosesAt) >= Date.parse(b.submissionClosesAt) ? a : b;
  return real.find((c) => c.open) ?? real.reduce<CallDto | undefined>(latest, undefined);
}

/** The frame of the pages one sees before signing in, with the language switch. */
export function PublicFrame({ width = 420, children }: { width?: number; children: ReactNode }) {
  const { t } = useTranslation('public');
  // The notice is named once it is known; the page never waits for it.
  const call = useQuery({ ...callsQuery, select: ({ calls }) => currentCall(calls) }).data;
  return (
    <BilingualConfig>
      <main style={{ minHeight: '100vh', padding: '24px 16px 48px', boxSizing: 'border-box' }}>
        <div style={{ maxWidth: width, margin: '0 auto' }}>
          <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
            <LanguageSwitch />
          </div>
          <div style={{ textAlign: 'center', marginBottom: 24 }}>
            {/* The page's one h1, at the size of an h3. */}
            <Typography.Title level={1} style={{ marginBottom: 4, fontSize: 24 }}>
              {t('programme')}
            </Typography.Title>
            <Typography.Text type="secondary" data-testid="public-notice">
              {t('online')}
              {call && ` · ${call.noticeNumber}`}
            </Typography.Text>
          </div>
          {children}
        </div>
      </main>
    </BilingualConfig>
  );
}
