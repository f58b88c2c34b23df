// Rules the telephony screens share: who works with calls, how a call's numbers and times read.
import type { Me } from '../../api';
import type { Call } from './api';

/** MARKETER and DEVELOPER see no calls (telephony answers them 403), so they get no calls page nor call buttons. */
export const seesCalls = (role: Me['role']) => role !== 'MARKETER' && role !== 'DEVELOPER';

/** Seconds as m:ss, or h:mm:ss from an hour on; empty for none. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** The number on the other end: the caller of an incoming call, the called number of an outgoing one. */
export const otherNumber = (call: Pick<Call, 'direction' | 'callerNumber' | 'calledNumber'>) =>
  (call.direction === 'INBOUND' ? call.callerNumber : call.calledNumber) ?? null;

/** A whole day range as the log's RFC 3339 bounds: from the first day's start to the last day's end, local time. */
export function dayRange(first: Date | null, last: Date | null): { from?: string; to?: string } {
  const range: { from?: string; to?: string } = {};
  if (first) {
    const start = new Date(first);
    start.setHours(0, 0, 0, 0);
    range.from = start.toISOString();
  }
  if (last) {
    const end = new Date(last);
    end.setHours(23, 59, 59, 999);
    range.to = end.toISOString();
  }
  return range;
}
