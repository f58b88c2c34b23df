import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  addToSums, ageInDays, appendPage, dropAction, durationParts, filterParams, formatMoney, lineTotal, linesTotal,
  moveOnBoard, nameOf, type Board, type BoardCard,
} from './model';

const card = (id: string, amount: number | null, currency: string | null = 'UAH'): BoardCard => ({
  id, number: 1, title: null, contactName: id, phone: null, amount, currency, ownerId: null, paymentStatus: null,
  paymentType: null, source: null, sourceDetail: null, status: 'OPEN', createdAt: '2026-11-01T10:00:00Z', version: 0,
});

const board: Board = {
  pipelineId: 'p',
  cards: 'DEAL',
  columns: [
    { stageId: 'a', code: 'new-order', name: null, outcome: 'OPEN', color: null, count: 3, nextCursor: null,
      sums: [{ currency: 'EUR', amount: 10 }, { currency: 'UAH', amount: 150.5 }], cards: [card('x', 100.5), card('y', 10, 'EUR')] },
    { stageId: 'b', code: 'successful', name: null, outcome: 'WON', color: null, count: 0, nextCursor: null, sums: [], cards: [] },
  ],
};

describe('dropping a card', () => {
  it('on its own column does nothing', () => {
    expect(dropAction('DEAL', { id: 'a' }, { id: 'a', outcome: 'OPEN' })).toBe('none');
  });
  it('on a lost stage asks for the reason, for leads and deals alike', () => {
    expect(dropAction('DEAL', { id: 'a' }, { id: 'b', outcome: 'LOST' })).toBe('lose');
    expect(dropAction('LEAD', { id: 'a' }, { id: 'b', outcome: 'LOST' })).toBe('lose');
  });
  it('of a lead on the won stage converts it; a deal just moves there', () => {
    expect(dropAction('LEAD', { id: 'a' }, { id: 'b', outcome: 'WON' })).toBe('convert');
    expect(dropAction('DEAL', { id: 'a' }, { id: 'b', outcome: 'WON' })).toBe('move');
  });
});

describe('the board before the server answers', () => {
  it('moves the card on top of the other column with its count and its money', () => {
    const moved = moveOnBoard(board, 'x', 'b');
    expect(moved.columns[0].cards.map((c) => c.id)).toEqual(['y']);
    expect(moved.columns[0].count).toBe(2);
    expect(moved.columns[0].sums).toEqual([{ currency: 'EUR', amount: 10 }, { currency: 'UAH', amount: 50 }]);
    expect(moved.columns[1].cards.map((c) => c.id)).toEqual(['x']);
    expect(moved.columns[1].count).toBe(1);
    expect(moved.columns[1].sums).toEqual([{ currency: 'UAH', amount: 100.5 }]);
  });
  it('drops a currency whose sum is gone and leaves the original board alone', () => {
    const moved = moveOnBoard(board, 'y', 'b');
    expect(moved.columns[0].sums).toEqual([{ currency: 'UAH', amount: 150.5 }]);
    expect(board.columns[0].cards).toHaveLength(2);
  });
  it('changes nothing for an unknown card or column', () => {
    expect(moveOnBoard(board, 'nobody', 'b')).toBe(board);
    expect(moveOnBoard(board, 'x', 'nowhere')).toBe(board);
  });
  it('adds sums per currency in order, and leaves leads (no money) alone', () => {
    expect(addToSums([{ currency: 'UAH', amount: 1 }], 'EUR', 2)).toEqual([{ currency: 'EUR', amount: 2 }, { currency: 'UAH', amount: 1 }]);
    expect(addToSums([{ currency: 'UAH', amount: 0.1 }], 'UAH', 0.2)).toEqual([{ currency: 'UAH', amount: 0.3 }]);
    expect(addToSums([], null, null)).toEqual([]);
  });
  it('appends a column page without repeating a card', () => {
    const more = appendPage(board, 'a', { cards: [card('y', 10, 'EUR'), card('z', 5)], nextCursor: null });
    expect(more.columns[0].cards.map((c) => c.id)).toEqual(['x', 'y', 'z']);
  });
});

describe('money', () => {
  it('counts a line as the server does, to the cent, half up', () => {
    expect(lineTotal(3, 19.99, 10)).toBe(53.97);
    expect(lineTotal(1, 0.05, 10)).toBe(0.05); // 0.045 -> 0.05
    expect(lineTotal(2, 100, 0)).toBe(200);
    expect(lineTotal(1.5, 10, null)).toBe(15);
    expect(linesTotal([{ quantity: 1, unitPrice: 0.1, discountPercent: 0 }, { quantity: 2, unitPrice: 0.1, discountPercent: 0 }])).toBe(0.3);
  });
  it('writes an amount in its currency in the language', () => {
    expect(formatMoney(1180.5, 'UAH', 'en')).toMatch(/^UAH\s1,180\.50$/);
    expect(formatMoney(null, 'UAH', 'en')).toBe('');
  });
});

describe('time', () => {
  it('splits a stay into days, hours and minutes', () => {
    expect(durationParts(49 * 3600 + 30 * 60 + 12)).toEqual({ days: 2, hours: 1, minutes: 30 });
    expect(durationParts(0)).toEqual({ days: 0, hours: 0, minutes: 0 });
    expect(durationParts(null)).toBeNull();
  });
  it('counts a card\'s age in whole days', () => {
    expect(ageInDays('2026-11-01T10:00:00Z', Date.parse('2026-11-03T09:00:00Z'))).toBe(1);
  });
});

describe('filters and names', () => {
  it('sends whole days of the created range and unassigned over an owner', () => {
    const params = filterParams({ owner: 'u', unassigned: true, createdFrom: '2026-11-01', createdTo: '2026-11-01', q: ' #12 ' });
    expect(params.get('owner')).toBeNull();
    expect(params.get('unassigned')).toBe('true');
    expect(Date.parse(params.get('createdTo')!) - Date.parse(params.get('createdFrom')!)).toBe(86_400_000);
    expect(params.get('q')).toBe('#12');
  });
  it('shows a renamed stage by its name, a seeded one by its code in the language', () => {
    const t = ((key: string) => `[${key}]`) as unknown as TFunction;
    expect(nameOf(t, 'stage', { code: 'qualification', name: null })).toBe('[deals.stage.qualification]');
    expect(nameOf(t, 'stage', { code: 'qualification', name: 'Checked' })).toBe('Checked');
  });
});
