import { queryOptions, useQuery } from '@tanstack/react-query';
import { Button, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatChineseDate } from '../../../core/time.js';
import { formatWan } from '../../../core/money.js';
import type { PublicAnnouncementDetail, PublicAnnouncementList } from '../../../contract/public.js';
import { addTranslations } from '../../app/i18n.js';
import { api } from '../../shared/api.js';
import { usePageTranslation } from '../../shared/BilingualConfig.js';
import { PageState } from '../../shared/PageState.js';
import { PlainTable } from '../../shared/PlainTable.js';
import { PublicCard } from './PublicCard.js';
import { PublicFrame, usePublicPageState } from './PublicFrame.js';

// 拟立项项目公示: public pages, no sign-in. The objection form (its select, upload and schemas) loads when a
// visitor opens it, so that reading the 公示 downloads none of it.

addTranslations('announcements', {
  'zh-CN': {
    title: '拟立项项目公示',
    none: '暂无公示',
    period: '公示期：{{from}}至{{to}}',
    entries: '{{count}} 个项目',
    all: '全部公示',
    intro:
      '。公示期内，对公示项目如有异议，可在本页下方实名在线提出（须填写真实姓名和联系方式，不受理匿名异议），也可向下列单位书面反映。',
    deadline: '异议截止日期：{{date}}',
    contacts: '联系方式（据申报通知）：',
    contact: '{{unit}}：{{people}}，电话 {{phones}}',
    address: '，地址 {{address}}',
    source: '（{{source}}）',
    noAddress: '申报通知未载明{{units}}的通信地址。',
    revokedNote: '标注“已撤销”的项目：公示期间收到的异议经调查成立，拟立项已撤销。公示名单保持发布时的原样。',
    revoked: '已撤销',
    columns: {
      no: '序号',
      acceptanceNo: '受理编号',
      project: '项目名称',
      organization: '承担单位',
      pi: '项目负责人',
      topic: '专题',
      country: '合作国别（地区）',
      funding: '省资助经费',
    },
    objection: '提出异议',
    objectionsClosed: '网上异议只在公示期内受理（{{from}}至{{to}}）。',
    openObjection: '我要提出异议',
  },
  en: {
    title: 'Projects proposed for funding: public notice',
    none: 'No notice is published',
    period: 'Publication period: {{from}} to {{to}}',
    entries: '{{count}} projects',
    all: 'All notices',
    intro:
      '. Anyone who objects to a project listed may do so online below, under their real name (a name and a way to reach you are required; anonymous objections are not accepted), or in writing to the offices below.',
    deadline: 'Objections close on {{date}}',
    contacts: 'Contacts (as the call notice gives them):',
    contact: '{{unit}}: {{people}}, telephone {{phones}}',
    address: ', address {{address}}',
    source: ' ({{source}})',
    noAddress: 'The call notice gives no postal address for {{units}}.',
    revokedNote:
      'Projects marked "Revoked": an objection received during the publication period was upheld and the proposed funding revoked. The list stays as it was published.',
    revoked: 'Revoked',
    columns: {
      no: 'No.',
      acceptanceNo: 'Acceptance number',
      project: 'Project',
      organization: 'Organization',
      pi: 'Project leader',
      topic: 'Topic',
      country: 'Partner country (region)',
      funding: 'Provincial funding',
    },
    objection: 'Object to a project',
    objectionsClosed:
      'Online objections are accepted only during the publication period ({{from}} to {{to}}).',
    openObjection: 'I want to object',
  },
});

type Entry = PublicAnnouncementDetail['entries'][number];

const ObjectionForm = lazy(async () => ({ default: (await import('./ObjectionForm.js')).ObjectionForm }));

/** A date as the page's language writes it: 2026年12月1日, or 2026-12-01. */
const dateIn = (language: string, date: string) => (language === 'en' ? date : formatChineseDate(date));

const announcementsQuery = queryOptions({
  queryKey: ['public', 'announcements'],
  queryFn: ({ signal }) => api<PublicAnnouncementList>('/public/announcements', { signal }),
});

const announcementQuery = (id: string) =>
  queryOptions({
    queryKey: ['public', 'announcements', id],
    queryFn: ({ signal }) => api<PublicAnnouncementDetail>(`/public/announcements/${id}`, { signal }),
  });

export function AnnouncementsPage() {
  const { t, i18n } = useTranslation('announcements');
  const words = usePublicPageState();
  const announcements = useQuery(announcementsQuery);
  return (
    <PublicFrame width={880}>
      <PublicCard title={t('title')}>
        <PageState
          query={announcements}
          isEmpty={(data) => data.announcements.length === 0}
          empty={t('none')}
          words={words}
        >
          {(data) => (
            <ul data-testid="public-announcements" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {data.announcements.map((a) => (
                <li key={a.id} style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
                  <Link to={`/public/announcements/${a.id}`} style={{ fontWeight: 600 }}>
                    {a.title}
                  </Link>
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                    {t('period', {
                      from: dateIn(i18n.language, a.startsOn),
                      to: dateIn(i18n.language, a.endsOn),
                    })}
                    {' · '}
                    {t('entries', { count: a.entryCount })}
                  </Typography.Paragraph>
                </li>
              ))}
            </ul>
          )}
        </PageState>
      </PublicCard>
    </PublicFrame>
  );
}

export function AnnouncementPage() {
  const { t } = useTranslation('announcements');
  const words = usePublicPageState();
  const { id = '' } = useParams();
  const announcement = useQuery(announcementQuery(id));
  return (
    <PublicFrame width={1100}>
      <PublicCard
        title={announcement.data?.announcement.title ?? t('title')}
        extra={<Link to="/public/announcements">{t('all')}</Link>}
      >
        <PageState query={announcement} words={words}>
          {(data) => (
            <>
              <AnnouncementNotice data={data} />
              <Objection announcementId={id} data={data} />
            </>
          )}
        </PageState>
      </PublicCard>
    </PublicFrame>
  );
}

/** 提出异议: said closed outside the period; within it, the form once the visitor asks for it. */
function Objection({ announcementId, data }: { announcementId: string; data: PublicAnnouncementDetail }) {
  const { t, i18n } = useTranslation('announcements');
  const [open, setOpen] = useState(false);
  const period = {
    from: dateIn(i18n.language, data.announcement.startsOn),
    to: dateIn(i18n.language, data.announcement.endsOn),
  };
  return (
    <PublicCard
      title={t('objection')}
      small
      style={{ marginTop: 16 }}
      data-testid={data.objectionsOpen ? 'objection-form' : undefined}
    >
      {!data.objectionsOpen ? (
        <Typography.Text type="secondary" data-testid="objections-closed">
          {t('objectionsClosed', period)}
        </Typography.Text>
      ) : open ? (
        <Suspense fallback={<Spin />}>
          <ObjectionForm announcementId={announcementId} data={data} />
        </Suspense>
      ) : (
        <Button type="primary" onClick={() => setOpen(true)}>
          {t('openObjection')}
        </Button>
      )}
    </PublicCard>
  );
}

const joined = (items: readonly string[]) => items.join('、');

/** One 公示 as the public reads it; the province previews a draft through the same component (in Chinese). */
export function AnnouncementNotice({ data }: { data: PublicAnnouncementDetail }) {
  const { t, i18n } = usePageTranslation('announcements');
  const english = i18n.language === 'en';
  const date = (d: string) => (english ? d : formatChineseDate(d));
  const noAddress = data.contacts.filter((c) => c.address === null).map((c) => c.unit);
  const revoked = new Set(data.revokedAcceptanceNos);
  return (
    <>
      <Typography.Paragraph data-testid="announcement-period">
        <Typography.Text strong>
          {t('period', { from: date(data.announcement.startsOn), to: date(data.announcement.endsOn) })}
        </Typography.Text>
        {t('intro')}
        <Typography.Text strong data-testid="objection-deadline">
          {t('deadline', { date: date(data.announcement.endsOn) })}
        </Typography.Text>
        {english ? '.' : '。'}
      </Typography.Paragraph>
      {data.contacts.length > 0 && (
        <Typography.Paragraph data-testid="announcement-contacts">
          {t('contacts')}
          <ul>
            {data.contacts.map((c) => (
              <li key={c.unit}>
                {t('contact', { unit: c.unit, people: joined(c.people), phones: joined(c.phones) })}
                {c.address && t('address', { address: c.address })}
                {t('source', { source: c.source })}
              </li>
            ))}
          </ul>
          {noAddress.length > 0 && t('noAddress', { units: joined(noAddress) })}
        </Typography.Paragraph>
      )}
      {revoked.size > 0 && (
        <Typography.Paragraph type="danger" data-testid="revoked-note">
          {t('revokedNote')}
        </Typography.Paragraph>
      )}
      <PlainTable<Entry>
        data-testid="announcement-entries"
        rowKey={(e) => e.acceptanceNo}
        rows={data.entries}
        columns={[
          { key: 'no', title: t('columns.no'), width: 60, render: (_, i) => i + 1 },
          {
            key: 'acceptanceNo',
            title: t('columns.acceptanceNo'),
            width: 170,
            render: (e) => e.acceptanceNo,
          },
          {
            key: 'title',
            title: t('columns.project'),
            render: (e) => (
              <>
                {e.title}
                {revoked.has(e.acceptanceNo) && (
                  <Tag color="red" style={{ marginLeft: 8 }} data-testid="entry-revoked">
                    {t('revoked')}
                  </Tag>
                )}
              </>
            ),
          },
          {
            key: 'organization',
            title: t('columns.organization'),
            width: 200,
            render: (e) => e.organizationName,
          },
          { key: 'pi', title: t('columns.pi'), width: 100, render: (e) => e.piName },
          { key: 'topic', title: t('columns.topic'), width: 80, render: (e) => e.topicLabel },
          {
            key: 'country',
            title: t('columns.country'),
            width: 120,
            render: (e) => e.partnerCountryName ?? '—',
          },
          { key: 'funding', title: t('columns.funding'), width: 110, render: (e) => formatWan(e.funding) },
        ]}
      />
    </>
  );
}
