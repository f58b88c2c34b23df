// The incoming-call pop-up's state: the calls ringing for the user now, newest first. A frame of the push channel
// or the user's "dismiss" changes it; the reducer is pure so the tests can play frames through it.
import type { Frame, RingingFrame } from '../../realtime';

export interface PopupState {
  /** Ringing calls shown, newest first. */
  ringing: RingingFrame[];
  /** Calls already over or dismissed (the latest few), so that a late or repeated ringing frame does not reopen them. */
  closed: string[];
}

export type PopupAction = Frame | { type: 'dismiss'; callId: string };

export const EMPTY_POPUP: PopupState = { ringing: [], closed: [] };
const REMEMBERED = 50;

function close(state: PopupState, callId: string): PopupState {
  return {
    ringing: state.ringing.filter((c) => c.callId !== callId),
    closed: state.closed.includes(callId) ? state.closed : [callId, ...state.closed].slice(0, REMEMBERED),
  };
}

export function popupReducer(state: PopupState, action: PopupAction): PopupState {
  switch (action.type) {
    case 'call.ringing':
      if (state.closed.includes(action.callId)) return state;
      // a repeated frame replaces the one shown (its matches may have been refreshed), in place
      return state.ringing.some((c) => c.callId === action.callId)
        ? { ...state, ringing: state.ringing.map((c) => (c.callId === action.callId ? action : c)) }
        : { ...state, ringing: [action, ...state.ringing] };
    case 'call.answered':
    case 'call.ended':
    case 'call.missed':
    case 'dismiss':
      return close(state, action.callId);
    default:
      return state;
  }
}

/** The open deals' sums as one line, each currency on its own ("1 200,00 ₴ · 300,00 $"). */
export function dealTotals(totals: { amount: number | string; currency: string }[], language: string): string {
  return totals.map(({ amount, currency }) => {
    const value = Number(amount);
    try {
      return new Intl.NumberFormat(language, { style: 'currency', currency }).format(value);
    } catch {
      return `${value.toFixed(2)} ${currency}`;
    }
  }).join(' · ');
}
