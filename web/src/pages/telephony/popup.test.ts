import { describe, expect, it } from 'vitest';
import type { RingingFrame } from '../../realtime';
import { dealTotals, EMPTY_POPUP, popupReducer, type PopupAction, type PopupState } from './popup';
import { callParams } from './api';
import { dayRange, duration, otherNumber, seesCalls } from './model';
import { settingsChange } from './settings';

const ringing = (callId: string, name = 'Olena Kovalenko'): RingingFrame => ({
  type: 'call.ringing', callId, direction: 'INBOUND', callerNumber: '+380671234567', calledNumber: '+380441234567',
  extension: '101', startedAt: '2026-11-27T10:00:00Z',
  callers: [{
    contactId: 'c1', name, companyId: null, companyName: null, ownerId: null, vip: false, openDeals: 0,
    openDealsTotals: [], lastInteractionAt: null, lastInteractionChannel: null,
  }],
});

const play = (...actions: PopupAction[]): PopupState => actions.reduce(popupReducer, EMPTY_POPUP);

describe('the incoming-call pop-up', () => {
  it('shows a ringing call, the newest on top', () => {
    const state = play(ringing('a'), ringing('b'));
    expect(state.ringing.map((c) => c.callId)).toEqual(['b', 'a']);
  });

  it.each(['call.answered', 'call.ended', 'call.missed'] as const)('closes the call on %s, and only that call', (type) => {
    const state = play(ringing('a'), ringing('b'), { type, callId: 'a' });
    expect(state.ringing.map((c) => c.callId)).toEqual(['b']);
  });

  it('closes when dismissed', () => {
    expect(play(ringing('a'), { type: 'dismiss', callId: 'a' }).ringing).toEqual([]);
  });

  it('a repeated ringing frame replaces the card in place rather than adding a second', () => {
    const state = play(ringing('a'), ringing('b'), ringing('a', 'Olena K.'));
    expect(state.ringing.map((c) => c.callId)).toEqual(['b', 'a']);
    expect(state.ringing[1].callers[0].name).toBe('Olena K.');
  });

  it('a ringing frame after the call ended (late or out of order) does not reopen it', () => {
    expect(play({ type: 'call.ended', callId: 'a' }, ringing('a')).ringing).toEqual([]);
    expect(play(ringing('a'), { type: 'dismiss', callId: 'a' }, ringing('a')).ringing).toEqual([]);
  });

  it('ignores the frames that are not about calls', () => {
    const state = play(ringing('a'));
    expect(popupReducer(state, { type: 'changed', entity: 'contact', id: 'c1' })).toBe(state);
  });

  it('remembers a bounded number of closed calls', () => {
    const state = play(...Array.from({ length: 80 }, (_, i) => ({ type: 'call.ended' as const, callId: `k${i}` })));
    expect(state.closed).toHaveLength(50);
    expect(state.closed[0]).toBe('k79');
  });

  it('sums the open deals per currency, numbers or decimal strings', () => {
    expect(dealTotals([{ amount: '1200.50', currency: 'USD' }, { amount: 300, currency: 'EUR' }], 'en'))
      .toBe('$1,200.50 · €300.00');
    expect(dealTotals([], 'en')).toBe('');
  });
});

describe('the call log', () => {
  it('asks only for the filters given, in a stable order', () => {
    expect(callParams({ status: 'MISSED', direction: 'INBOUND', userId: undefined }, 20).toString())
      .toBe('direction=INBOUND&status=MISSED&limit=20');
    expect(callParams({ contactId: 'c1' }).toString()).toBe('contactId=c1&limit=50');
  });

  it('takes whole days from the first day\'s start to the last day\'s end', () => {
    const range = dayRange(new Date(2026, 10, 3, 15, 30), new Date(2026, 10, 5, 9));
    expect(new Date(range.from!).getTime()).toBe(new Date(2026, 10, 3, 0, 0, 0, 0).getTime());
    expect(new Date(range.to!).getTime()).toBe(new Date(2026, 10, 5, 23, 59, 59, 999).getTime());
    expect(dayRange(null, null)).toEqual({});
  });

  it('reads durations as m:ss, and h:mm:ss from an hour', () => {
    expect([duration(7), duration(245), duration(3725), duration(null)]).toEqual(['0:07', '4:05', '1:02:05', '']);
  });

  it('calls back the caller of an incoming call and the called number of an outgoing one', () => {
    expect(otherNumber({ direction: 'INBOUND', callerNumber: '+1', calledNumber: '+2' })).toBe('+1');
    expect(otherNumber({ direction: 'OUTBOUND', callerNumber: '+1', calledNumber: '+2' })).toBe('+2');
  });

  it('is not for marketers and developers', () => {
    expect(['ADMIN', 'SUPERVISOR', 'MANAGER', 'OPERATOR', 'MARKETER', 'DEVELOPER'].filter((r) => seesCalls(r as never)))
      .toEqual(['ADMIN', 'SUPERVISOR', 'MANAGER', 'OPERATOR']);
  });
});

describe('the telephony settings form', () => {
  it('keeps the secrets left blank (null) and sends those typed', () => {
    expect(settingsChange({ format: 'binotel', exchangeUrl: ' https://pbx.example ', exchangeLogin: '', exchangePassword: '  ', signingSecret: 'abc' }))
      .toEqual({ format: 'binotel', exchangeUrl: 'https://pbx.example', exchangeLogin: null, exchangePassword: null, signingSecret: 'abc' });
  });

  it('a blank exchange address means none', () => {
    expect(settingsChange({ format: 'generic', exchangeUrl: '', exchangeLogin: 'pbx', exchangePassword: 'pw', signingSecret: '' }).exchangeUrl)
      .toBeNull();
  });
});
