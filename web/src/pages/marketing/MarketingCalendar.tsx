import { type CSSProperties } from 'react';
import { Alert, Button, Card, Checkbox, Segmented, Space, Spin, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, type Me } from '../../api';
import { CampaignDialog } from './Campaigns';
import { PromoCodeDialog, PromotionDialog } from './Promotions';
import {
  CALENDAR_KINDS, dayColumns, KIND_COLORS, keepsMarketing, monthWeeks, placeBars, shiftAnchor, today, viewRange, weekDays, yearMonths,
  type Bar, type CalendarItem, type CalendarKind, type CalendarView, type Campaign, type Day, type MarketingCalendar as Calendar,
  type PromoCode, type Promotion,
} from './model';
import { MARKETING_KEY, RecordById } from './parts';
import { useMarketingProblems } from './problems';

const VIEWS: CalendarView[] = ['week', 'month', 'year'];
const LANE_HEIGHT = 26;

/** A day as the language writes part of it ({ weekday: 'short' }, { month: 'long', year: 'numeric' }, …). */
function dayText(day: Day, language: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/**
 * The marketing calendar (`002_*` 2.1.4-2.1.7): promotions, discounts, promo codes and campaigns across a week, a
 * month or a year, each kind shown or hidden, each item with the leads and deals attributed to it; a click opens
 * the item. The view, the date and the hidden kinds are in the address, so a view can be linked to.
 */
export function MarketingCalendar({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const problems = useMarketingProblems();
  const [search, setSearch] = useSearchParams();
  const view = (VIEWS as string[]).includes(search.get('view') ?? '') ? search.get('view') as CalendarView : 'month';
  const anchor = /^\d{4}-\d{2}-\d{2}$/.test(search.get('date') ?? '') ? search.get('date')! : today();
  const hidden = new Set((search.get('hide') ?? '').split(',').filter(Boolean));
  const shown = CALENDAR_KINDS.filter((k) => !hidden.has(k));
  const open = search.get('open');
  const change = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    Object.entries(changes).forEach(([key, value]) => (value === null ? next.delete(key) : next.set(key, value)));
    setSearch(next);
  };
  const range = viewRange(view, anchor);
  const calendar = useQuery({
    queryKey: [...MARKETING_KEY, 'calendar', range.from, range.to, shown.join(',')],
    queryFn: () => api<Calendar>(`/api/deals/marketing/calendar?from=${range.from}&to=${range.to}&kinds=${shown.join(',')}`),
    enabled: shown.length > 0,
    placeholderData: keepPreviousData,
  });
  const items = shown.length > 0 ? (calendar.data?.items ?? []).filter((i) => !hidden.has(i.kind)) : [];
  const title = view === 'year' ? anchor.slice(0, 4)
    : view === 'month' ? dayText(anchor, i18n.language, { month: 'long', year: 'numeric' })
      : `${dayText(range.from, i18n.language, { day: 'numeric', month: 'short' })} – ${dayText(range.to, i18n.language, { day: 'numeric', month: 'short', year: 'numeric' })}`;
  const openItem = (item: CalendarItem) => change({ open: `${item.kind}:${item.id}` });

  return (
    <Card title={t('marketing.calendar.title')}>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Button aria-label={t('marketing.calendar.previous')} icon={<LeftOutlined />} onClick={() => change({ date: shiftAnchor(view, anchor, -1) })} />
          <Button onClick={() => change({ date: null })}>{t('marketing.calendar.today')}</Button>
          <Button aria-label={t('marketing.calendar.next')} icon={<RightOutlined />} onClick={() => change({ date: shiftAnchor(view, anchor, 1) })} />
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="calendar-title">{title}</Typography.Title>
        </Space>
        <Segmented<CalendarView> value={view} onChange={(v) => change({ view: v })} data-testid="calendar-view"
          options={VIEWS.map((v) => ({ value: v, label: t(`marketing.calendar.view.${v}`) }))} />
      </Space>
      <Space wrap style={{ marginBottom: 16 }} data-testid="calendar-kinds">
        {CALENDAR_KINDS.map((kind) => (
          <Checkbox key={kind} checked={!hidden.has(kind)}
            onChange={(e) => {
              const next = new Set(hidden);
              if (e.target.checked) next.delete(kind); else next.add(kind);
              change({ hide: next.size ? [...next].join(',') : null });
            }}>
            <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 2, background: KIND_COLORS[kind], marginRight: 6 }} />
            {t(`marketing.kind.${kind}`)}
          </Checkbox>
        ))}
      </Space>
      {calendar.error && <Alert type="error" showIcon title={problems.text(calendar.error)} style={{ marginBottom: 12 }} />}
      {calendar.data?.truncated && <Alert type="warning" showIcon title={t('marketing.calendar.truncated')} style={{ marginBottom: 12 }} />}
      <Spin spinning={calendar.isFetching && shown.length > 0}>
        <div data-testid="calendar" data-view={view}>
          {view === 'year'
            ? <YearView anchor={anchor} items={items} onOpen={openItem} />
            : <DaysView weeks={view === 'week' ? [weekDays(anchor)] : monthWeeks(anchor)} month={view === 'month' ? anchor.slice(0, 7) : null}
                items={items} onOpen={openItem} tall={view === 'week'} />}
        </div>
      </Spin>
      {open && <OpenItem open={open} editable={keepsMarketing(me.role)} onClose={() => change({ open: null })} />}
    </Card>
  );
}

/** Weeks of days, each a row: the days' numbers on top, the items' bars under them on their lines. */
function DaysView({ weeks, month, items, onOpen, tall }: {
  weeks: Day[][];
  month: string | null;
  items: CalendarItem[];
  onOpen: (item: CalendarItem) => void;
  tall: boolean;
}) {
  const { i18n } = useTranslation();
  const now = today();
  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 6 }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', background: '#fafafa' }}>
        {weeks[0].map((d) => (
          <div key={d} style={{ padding: '4px 8px', fontWeight: 500 }}>
            {dayText(d, i18n.language, { weekday: 'short' })}{tall && `, ${dayText(d, i18n.language, { day: 'numeric', month: 'short' })}`}
          </div>
        ))}
      </div>
      {weeks.map((week) => {
        const bars = placeBars(items, dayColumns(week));
        return (
          <div key={week[0]} data-testid="calendar-week" style={{ position: 'relative', borderTop: '1px solid #f0f0f0' }}>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', position: 'absolute', inset: 0 }}>
              {week.map((d) => (
                <div key={d} data-day={d} style={{
                  borderLeft: '1px solid #f5f5f5', padding: '2px 8px', textAlign: 'right',
                  color: month && !d.startsWith(month) ? '#bfbfbf' : undefined, background: d === now ? '#e6f4ff' : undefined,
                }}>
                  {Number(d.slice(8, 10))}
                </div>
              ))}
            </div>
            <div style={{
              position: 'relative', display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gridAutoRows: LANE_HEIGHT, rowGap: 2,
              padding: '26px 2px 6px', minHeight: tall ? 320 : 96,
            }}>
              {bars.map((bar) => <ItemBar key={`${bar.item.kind}-${bar.item.id}`} bar={bar} onOpen={onOpen} />)}
            </div>
          </div>
        );
      })}
    </div>
  );
}

/** The twelve months of a year as columns; each item a bar across the months it runs in. */
function YearView({ anchor, items, onOpen }: { anchor: Day; items: CalendarItem[]; onOpen: (item: CalendarItem) => void }) {
  const { i18n } = useTranslation();
  const months = yearMonths(anchor);
  const bars = placeBars(items, months);
  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 6, overflowX: 'auto' }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(12, minmax(70px, 1fr))', background: '#fafafa' }}>
        {months.map((m) => (
          <div key={m.from} data-month={m.from.slice(0, 7)} style={{ padding: '4px 8px', fontWeight: 500, borderLeft: '1px solid #f0f0f0' }}>
            {dayText(m.from, i18n.language, { month: 'short' })}
          </div>
        ))}
      </div>
      <div style={{
        display: 'grid', gridTemplateColumns: 'repeat(12, minmax(70px, 1fr))', gridAutoRows: LANE_HEIGHT, rowGap: 2,
        padding: '6px 2px', minHeight: 160,
      }}>
        {bars.map((bar) => <ItemBar key={`${bar.item.kind}-${bar.item.id}`} bar={bar} onOpen={onOpen} />)}
      </div>
    </div>
  );
}

/** An item on the calendar: its name and its leads and deals; the period and the terms in its tooltip. */
function ItemBar({ bar, onOpen }: { bar: Bar<CalendarItem>; onOpen: (item: CalendarItem) => void }) {
  const { t } = useTranslation();
  const { item } = bar;
  const counts = t('marketing.counts', { leads: item.leads, deals: item.deals });
  const style: CSSProperties = {
    gridColumn: `${bar.first + 1} / span ${bar.span}`, gridRow: bar.lane + 1, background: KIND_COLORS[item.kind], color: '#fff',
    border: 'none', borderRadius: `${bar.before ? 0 : 4}px ${bar.after ? 0 : 4}px ${bar.after ? 0 : 4}px ${bar.before ? 0 : 4}px`,
    padding: '0 6px', fontSize: 12, textAlign: 'left', overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', cursor: 'pointer',
    margin: '0 1px',
  };
  return (
    <button type="button" style={style} onClick={() => onOpen(item)} data-testid="calendar-item" data-kind={item.kind}
      title={`${t(`marketing.kind.${item.kind}`)}: ${item.name} · ${counts}`}>
      {item.name} · {counts}
    </button>
  );
}

/** The item the address names (`open=kind:id`) in its own dialog. */
function OpenItem({ open, editable, onClose }: { open: string; editable: boolean; onClose: () => void }) {
  const [kind, id] = open.split(':') as [CalendarKind, string];
  if (kind === 'campaign') {
    return (
      <RecordById<Campaign> path={`/api/deals/campaigns/${id}`} onClose={onClose}>
        {(c) => <CampaignDialog campaign={c} editable={editable} onClose={onClose} />}
      </RecordById>
    );
  }
  if (kind === 'promo-code') {
    return (
      <RecordById<PromoCode> path={`/api/deals/promo-codes/${id}`} onClose={onClose}>
        {(c) => <PromoCodeDialog code={c} editable={editable} onClose={onClose} />}
      </RecordById>
    );
  }
  return (
    <RecordById<Promotion> path={`/api/deals/promotions/${id}`} onClose={onClose}>
      {(p) => <PromotionDialog promotion={p} type={p.type} editable={editable} onClose={onClose} />}
    </RecordById>
  );
}
