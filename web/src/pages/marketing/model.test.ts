import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import {
  dayColumns, formatRoi, keepsMarketing, monthWeeks, placeBars, shiftAnchor, termsText, viewRange, weekDays, weekday, wonElsewhere,
  wonIn, yearMonths,
} from './model';
import { formField } from './problems';

const item = (name: string, startDate: string, endDate: string | null) => ({ name, startDate, endDate });

describe('calendar ranges', () => {
  it('counts weeks from Monday', () => {
    expect(weekday('2026-03-09')).toBe(0);
    expect(weekday('2026-03-15')).toBe(6);
    expect(weekDays('2026-03-12')).toEqual(['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15']);
  });

  it('shows a month from the Monday of its first week to the Sunday of its last', () => {
    const weeks = monthWeeks('2026-03-20');
    expect(weeks).toHaveLength(6);
    expect(weeks[0][0]).toBe('2026-02-23');
    expect(weeks[5][6]).toBe('2026-04-05');
    expect(viewRange('month', '2026-03-20')).toEqual({ from: '2026-02-23', to: '2026-04-05' });
    // February 2027 starts on a Monday and ends on a Sunday: exactly four weeks
    expect(monthWeeks('2027-02-10')).toHaveLength(4);
  });

  it('asks a week, a month or a whole year of the API', () => {
    expect(viewRange('week', '2026-01-01')).toEqual({ from: '2025-12-29', to: '2026-01-04' });
    expect(viewRange('year', '2028-07-15')).toEqual({ from: '2028-01-01', to: '2028-12-31' });
    expect(yearMonths('2028-07-15')[1]).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('steps a view back and forth without skipping a short month', () => {
    expect(shiftAnchor('week', '2026-03-30', 1)).toBe('2026-04-06');
    expect(shiftAnchor('month', '2026-01-31', 1)).toBe('2026-02-01');
    expect(shiftAnchor('month', '2026-01-15', -1)).toBe('2025-12-01');
    expect(shiftAnchor('year', '2026-06-15', -1)).toBe('2025-01-01');
  });
});

describe('placeBars', () => {
  const week = dayColumns(weekDays('2026-03-09'));

  it('spans the days an item runs in the week, and says where it goes on beyond it', () => {
    const [spring, weekend] = placeBars([item('Spring', '2026-03-01', '2026-06-09'), item('Weekend', '2026-03-14', '2026-03-15')], week);
    expect(spring).toMatchObject({ first: 0, span: 7, lane: 0, before: true, after: true });
    expect(weekend).toMatchObject({ first: 5, span: 2, lane: 1, before: false, after: false });
  });

  it('runs an open-ended item to the end of the row', () => {
    expect(placeBars([item('Forever', '2026-03-11', null)], week)[0]).toMatchObject({ first: 2, span: 5, after: true });
  });

  it('leaves out what does not touch the row, and counts both edges', () => {
    const bars = placeBars([item('Before', '2026-03-01', '2026-03-08'), item('Last day', '2026-03-15', '2026-03-20'),
      item('After', '2026-03-16', null)], week);
    expect(bars.map((b) => [b.item.name, b.first, b.span])).toEqual([['Last day', 6, 1]]);
  });

  it('puts items that do not overlap on one line, and overlapping ones on the next free line', () => {
    const bars = placeBars([
      item('Mon-Tue', '2026-03-09', '2026-03-10'),
      item('Wed', '2026-03-11', '2026-03-11'),
      item('Tue-Thu', '2026-03-10', '2026-03-12'),
      item('Fri', '2026-03-13', '2026-03-13'),
    ], week);
    const lanes = Object.fromEntries(bars.map((b) => [b.item.name, b.lane]));
    expect(lanes).toEqual({ 'Mon-Tue': 0, 'Tue-Thu': 1, Wed: 0, Fri: 0 });
  });

  it('places items by month in a year', () => {
    const months = yearMonths('2026-01-01');
    const [lastYear, spring] = placeBars([item('Spring', '2026-03-09', '2026-06-09'), item('Since last year', '2025-11-01', '2026-01-10')], months);
    expect(lastYear).toMatchObject({ first: 0, span: 1, before: true, after: false });
    expect(spring).toMatchObject({ first: 2, span: 4, lane: 0 });
  });
});

describe('money and offers', () => {
  it('writes the ROI as a signed percentage in the language, and a dash without a budget', () => {
    expect(formatRoi(0.6, 'en')).toBe('+60%');
    expect(formatRoi(-1, 'en')).toBe('-100%');
    expect(formatRoi(0, 'en')).toBe('0%');
    expect(formatRoi(0.1234, 'en')).toBe('+12.3%');
    expect(formatRoi(0.25, 'uk')).toMatch(/^\+25\s?%$/);
    expect(formatRoi(null, 'en')).toBe('—');
  });

  it('tells the revenue in the budget currency from the rest', () => {
    const won = [{ currency: 'EUR', amount: 40 }, { currency: 'UAH', amount: 800 }];
    expect(wonIn(won, 'UAH')).toBe(800);
    expect(wonIn(won, 'USD')).toBe(0);
    expect(wonElsewhere(won, 'UAH')).toEqual([{ currency: 'EUR', amount: 40 }]);
  });

  it('says what an offer gives', () => {
    const t = ((key: string, values?: Record<string, unknown>) => `${key}${values ? JSON.stringify(values) : ''}`) as unknown as TFunction;
    const money = (amount: number, currency: string | null) => `${currency} ${amount}`;
    expect(termsText(t, 'BUNDLE', 2, null, money)).toBe('marketing.terms.bundle{"paid":2,"total":3}');
    expect(termsText(t, 'PERCENT', 10, null, money)).toBe('marketing.terms.percent{"value":10}');
    expect(termsText(t, 'FIXED_AMOUNT', 50, 'UAH', money)).toBe('marketing.terms.amount{"amount":"UAH 50"}');
    expect(termsText(t, 'GIFT', null, null, money)).toBe('marketing.mechanic.GIFT');
    expect(termsText(t, null, null, null, money)).toBe('');
  });
});

describe('roles and fields', () => {
  it('lets an administrator or a marketer keep the marketing plan', () => {
    expect(['ADMIN', 'MARKETER', 'SUPERVISOR', 'MANAGER', 'OPERATOR', 'DEVELOPER'].filter((r) => keepsMarketing(r as never)))
      .toEqual(['ADMIN', 'MARKETER']);
  });

  it('shows a complaint about either date on the period, and about a listed product on the list', () => {
    expect(formField('endDate')).toBe('period');
    expect(formField('productIds[2]')).toBe('productIds');
    expect(formField('code')).toBe('code');
  });
});
