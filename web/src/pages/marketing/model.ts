// The marketing API's shapes (deals-service: Campaigns.View, Promotions.View, PromoCodes.View, Contracts.View,
// MarketingCalendar.Calendar, shop Returns and Loyalty) and the rules the marketing screens share: who may change
// what, where an item of the calendar stands in a week, a month or a year, and ROI and offers as the user reads them.
import type { TFunction } from 'i18next';
import type { Me } from '../../api';

export const CHANNELS = ['FACEBOOK', 'INSTAGRAM', 'GOOGLE', 'TIKTOK', 'YOUTUBE', 'TELEGRAM', 'EMAIL', 'SMS', 'WEBSITE', 'OFFLINE', 'OTHER'] as const;
export const CAMPAIGN_STATUSES = ['PLANNED', 'ACTIVE', 'FINISHED'] as const;
export const MECHANICS = ['BUNDLE', 'PERCENT', 'FIXED_AMOUNT', 'FREE_DELIVERY', 'GIFT'] as const;
export const PROMOTION_TYPES = ['PROMOTION', 'DISCOUNT'] as const;
export const CONTRACT_STATUSES = ['DRAFT', 'ACTIVE', 'COMPLETED', 'TERMINATED'] as const;
export const RETURN_STATUSES = ['REQUESTED', 'APPROVED', 'REJECTED'] as const;
/** The kinds of the marketing calendar, as its API names them. */
export const CALENDAR_KINDS = ['promotion', 'discount', 'promo-code', 'campaign'] as const;

export type Channel = (typeof CHANNELS)[number];
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export type Mechanic = (typeof MECHANICS)[number];
export type PromotionType = (typeof PROMOTION_TYPES)[number];
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export type ReturnStatus = (typeof RETURN_STATUSES)[number];
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

export const KIND_COLORS: Record<CalendarKind, string> = {
  promotion: '#d46b08', discount: '#389e0d', 'promo-code': '#1677ff', campaign: '#722ed1',
};
export const CAMPAIGN_STATUS_COLORS: Record<CampaignStatus, string> = { PLANNED: 'blue', ACTIVE: 'green', FINISHED: 'default' };
export const CONTRACT_STATUS_COLORS: Record<ContractStatus, string> = { DRAFT: 'default', ACTIVE: 'green', COMPLETED: 'blue', TERMINATED: 'red' };
export const RETURN_STATUS_COLORS: Record<ReturnStatus, string> = { REQUESTED: 'gold', APPROVED: 'green', REJECTED: 'red' };

export interface Money {
  currency: string;
  amount: number;
}

/** What is attributed to a campaign, a promotion or a promo code (deals-service attribution.Attribution.Numbers). */
export interface Attributed {
  leads: number;
  convertedLeads: number;
  deals: number;
  wonDeals: number;
  won: Money[];
}

export interface Campaign {
  id: string;
  name: string;
  productId: string | null;
  channel: Channel;
  budget: number;
  currency: string;
  startDate: string;
  endDate: string | null;
  status: CampaignStatus;
  statusSet: boolean;
  ownerId: string | null;
  version: number;
  attributed: Attributed;
  /** (won - budget) / budget in the budget's currency; null without a budget. */
  roi: number | null;
}

export interface Promotion {
  id: string;
  type: PromotionType;
  name: string;
  description: string | null;
  mechanic: Mechanic;
  value: number | null;
  currency: string | null;
  startDate: string;
  endDate: string | null;
  productIds: string[];
  version: number;
  attributed: Attributed;
}

export interface PromoCode {
  id: string;
  code: string;
  description: string | null;
  promotionId: string | null;
  mechanic: Mechanic | null;
  value: number | null;
  currency: string | null;
  usageLimit: number | null;
  used: number;
  remaining: number | null;
  startDate: string;
  endDate: string | null;
  version: number;
  attributed: Attributed;
}

export interface ContractDocument {
  filename: string;
  mediaType: string;
  size: number;
  uploadedAt: string;
}

export interface Contract {
  id: string;
  title: string;
  productId: string | null;
  contactId: string | null;
  companyId: string | null;
  dealId: string | null;
  amount: number;
  currency: string;
  startDate: string;
  endDate: string | null;
  status: ContractStatus;
  ownerId: string | null;
  document: ContractDocument | null;
  version: number;
}

export interface CalendarItem {
  kind: CalendarKind;
  id: string;
  name: string;
  startDate: string;
  endDate: string | null;
  /** The mechanic of an offer, or the channel of a campaign. */
  detail: string | null;
  value: number | null;
  currency: string | null;
  leads: number;
  deals: number;
  wonDeals: number;
  won: Money[];
}

export interface MarketingCalendar {
  from: string;
  to: string;
  kinds: CalendarKind[];
  items: CalendarItem[];
  truncated: boolean;
}

/** A return of goods (deals-service shop.Returns.ReturnView). */
export interface GoodsReturn {
  id: string;
  dealId: string;
  orderId: string | null;
  contactId: string | null;
  reason: string | null;
  comment: string | null;
  fileName: string | null;
  fileUrl: string | null;
  status: ReturnStatus;
  items: { productId: string | null; sku: string | null; name: string | null; quantity: number }[];
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  createdAt: string;
  version: number;
}

export interface LoyaltyCard {
  contactId: string;
  balance: number;
  entries: { id: string; shopCustomerId: string; points: number; balance: number; reason: string | null; orderId: string | null; at: string }[];
}

/** One page of a list that pages by cursor. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

// ---- roles (deals-service access.Access and the platform's Visibility) ----

/** An ADMIN or a MARKETER plans campaigns, promotions, discounts and promo codes; the others who work with clients read them. */
export const keepsMarketing = (role: Me['role']) => role === 'ADMIN' || role === 'MARKETER';

// ---- periods and the calendar ----

/** A day as the API writes it (YYYY-MM-DD), counted in UTC so that no time zone shifts it. */
export type Day = string;
export type CalendarView = 'week' | 'month' | 'year';

const MS_PER_DAY = 86_400_000;
const toTime = (day: Day) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const fromTime = (time: number): Day => new Date(time).toISOString().slice(0, 10);

export function addDays(day: Day, days: number): Day {
  return fromTime(toTime(day) + days * MS_PER_DAY);
}

/** Monday 0 … Sunday 6. */
export function weekday(day: Day): number {
  return (new Date(toTime(day)).getUTCDay() + 6) % 7;
}

export function mondayOf(day: Day): Day {
  return addDays(day, -weekday(day));
}

function monthStart(day: Day): Day {
  return `${day.slice(0, 7)}-01`;
}

function monthEnd(day: Day): Day {
  const d = new Date(toTime(monthStart(day)));
  return fromTime(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
}

/** A span of days, both included. */
export interface Span {
  from: Day;
  to: Day;
}

/** The seven days (Monday to Sunday) of the anchor's week. */
export function weekDays(anchor: Day): Day[] {
  const monday = mondayOf(anchor);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The weeks (Monday to Sunday) a month's page shows: from the week of its first day to the week of its last. */
export function monthWeeks(anchor: Day): Day[][] {
  const weeks: Day[][] = [];
  const last = monthEnd(anchor);
  for (let monday = mondayOf(monthStart(anchor)); monday <= last; monday = addDays(monday, 7)) {
    weeks.push(weekDays(monday));
  }
  return weeks;
}

/** The twelve months of the anchor's year. */
export function yearMonths(anchor: Day): Span[] {
  const year = anchor.slice(0, 4);
  return Array.from({ length: 12 }, (_, m) => {
    const first = `${year}-${String(m + 1).padStart(2, '0')}-01`;
    return { from: first, to: monthEnd(first) };
  });
}

/** The days a view of the anchor shows, which is what the calendar asks the API for. */
export function viewRange(view: CalendarView, anchor: Day): Span {
  if (view === 'week') {
    const days = weekDays(anchor);
    return { from: days[0], to: days[6] };
  }
  if (view === 'month') {
    const weeks = monthWeeks(anchor);
    return { from: weeks[0][0], to: weeks[weeks.length - 1][6] };
  }
  const months = yearMonths(anchor);
  return { from: months[0].from, to: months[11].to };
}

/** The anchor of the previous (-1) or next (+1) week, month or year; a month keeps to day 1 so none is skipped. */
export function shiftAnchor(view: CalendarView, anchor: Day, step: number): Day {
  if (view === 'week') return addDays(anchor, 7 * step);
  const d = new Date(toTime(anchor));
  if (view === 'month') return fromTime(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1));
  return fromTime(Date.UTC(d.getUTCFullYear() + step, 0, 1));
}

/** An item's bar across a row of columns (days of a week, or months of a year). */
export interface Bar<T> {
  item: T;
  /** The first column it covers, and how many. */
  first: number;
  span: number;
  /** Its line in the row: bars of one line never overlap. */
  lane: number;
  /** It began before the row's first column, or goes on after its last. */
  before: boolean;
  after: boolean;
}

/**
 * Where each item that overlaps the row stands in it: from the first column its period touches to the last (an
 * open-ended one to the row's end), on the first line free there. Earlier and longer items take the upper lines.
 */
export function placeBars<T extends { startDate: Day; endDate: Day | null }>(items: T[], columns: Span[]): Bar<T>[] {
  if (columns.length === 0) return [];
  const rowFrom = columns[0].from;
  const rowTo = columns[columns.length - 1].to;
  const overlapping = items
    .filter((i) => i.startDate <= rowTo && (i.endDate === null || i.endDate >= rowFrom))
    .map((item) => {
      const end = item.endDate ?? rowTo;
      const first = columns.findIndex((c) => c.to >= item.startDate);
      let last = columns.length - 1;
      while (last > first && columns[last].from > end) last--;
      return { item, first, span: last - first + 1, before: item.startDate < rowFrom, after: item.endDate === null || item.endDate > rowTo };
    })
    .sort((a, b) => a.first - b.first || b.span - a.span);
  const laneEnds: number[] = [];
  return overlapping.map((bar) => {
    let lane = laneEnds.findIndex((end) => end < bar.first);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = bar.first + bar.span - 1;
    return { ...bar, lane };
  });
}

/** A week's days as columns of placeBars. */
export const dayColumns = (days: Day[]): Span[] => days.map((d) => ({ from: d, to: d }));

/** Today in the user's zone, as the API writes days. */
export function today(now: Date = new Date()): Day {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

// ---- money, ROI and offers ----

/** A return on investment (0.25 = +25 %) as the language writes a percentage; a dash without a budget. */
export function formatRoi(roi: number | null | undefined, language: string): string {
  if (roi === null || roi === undefined) return '—';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(roi);
}

/** The won amount in one currency (zero if none was won in it). */
export function wonIn(won: Money[], currency: string): number {
  return won.find((m) => m.currency === currency)?.amount ?? 0;
}

/** The won amounts in currencies other than this one: revenue the ROI does not count. */
export const wonElsewhere = (won: Money[], currency: string): Money[] => won.filter((m) => m.currency !== currency);

/** What an offer gives, in words: "2+1 (one free)", "10 %", "UAH 50.00 off", "Free delivery", "Gift". */
export function termsText(t: TFunction, mechanic: Mechanic | null, value: number | null, currency: string | null,
  money: (amount: number, currency: string | null) => string): string {
  switch (mechanic) {
    case 'BUNDLE':
      return value ? t('marketing.terms.bundle', { paid: value, total: value + 1 }) : t('marketing.mechanic.BUNDLE');
    case 'PERCENT':
      return value !== null ? t('marketing.terms.percent', { value }) : t('marketing.mechanic.PERCENT');
    case 'FIXED_AMOUNT':
      return value !== null ? t('marketing.terms.amount', { amount: money(value, currency) }) : t('marketing.mechanic.FIXED_AMOUNT');
    case 'FREE_DELIVERY':
    case 'GIFT':
      return t(`marketing.mechanic.${mechanic}`);
    default:
      return '';
  }
}

/** A period as the user reads it: "01.03.2026 – 31.03.2026", or open-ended. */
export function periodText(t: TFunction, startDate: Day, endDate: Day | null, language: string): string {
  const date = (day: Day) => new Intl.DateTimeFormat(language, { timeZone: 'UTC' }).format(new Date(toTime(day)));
  return endDate ? `${date(startDate)} – ${date(endDate)}` : t('marketing.period.from', { date: date(startDate) });
}

/** A file size in KB or MB. */
export function fileSize(bytes: number, language: string): string {
  const format = (n: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n);
  return bytes >= 1024 * 1024 ? `${format(bytes / 1024 / 1024)} MB` : `${format(Math.max(bytes, 1) / 1024)} KB`;
}
