// telephony-service as the web app calls it (docs/telephony-and-notifications.md): every path and body shape in
// this one module, so that a difference from the contract is fixed here and nowhere else.
import { api, download, upload } from '../../api';

export const DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const;
export const CALL_STATUSES = ['RINGING', 'ANSWERED', 'ENDED', 'MISSED'] as const;
export const FORMATS = ['generic', 'asterisk', 'binotel'] as const;

export type Direction = (typeof DIRECTIONS)[number];
export type CallStatus = (typeof CALL_STATUSES)[number];
export type Format = (typeof FORMATS)[number];

/** A call of the log. Numbers are E.164; `contactName` is the matched contact's name when there is one. */
export interface Call {
  id: string;
  exchangeCallId: string;
  direction: Direction;
  status: CallStatus;
  callerNumber: string | null;
  calledNumber: string | null;
  extension: string | null;
  userId: string | null;
  contactId: string | null;
  contactName: string | null;
  matchedContactIds: string[];
  companyId: string | null;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  waitSeconds: number | null;
  talkSeconds: number | null;
  hasRecording: boolean;
}

export interface CallPage {
  items: Call[];
  nextCursor: string | null;
}

/** What the incoming-call pop-up shows of one contact the caller's number matched (the event's CallerCard). */
export interface CallerCard {
  contactId: string;
  name: string;
  companyId: string | null;
  companyName: string | null;
  ownerId: string | null;
  vip: boolean;
  openDeals: number;
  /** One sum per currency; the amount may come as a number or a decimal string. */
  openDealsTotals: { amount: number | string; currency: string }[];
  lastInteractionAt: string | null;
  lastInteractionChannel: string | null;
}

/** The log's filters; every one optional. `from` and `to` are RFC 3339 times on the call's start. */
export interface CallFilters {
  direction?: Direction;
  status?: CallStatus;
  userId?: string;
  contactId?: string;
  companyId?: string;
  from?: string;
  to?: string;
}

/** The filters as the log's query string (without the cursor), in a stable order so it can key a query. */
export function callParams(filters: CallFilters, limit = 50): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['direction', 'status', 'userId', 'contactId', 'companyId', 'from', 'to'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  params.set('limit', String(limit));
  return params;
}

export const listCalls = (params: URLSearchParams, cursor?: string) =>
  api<CallPage>(`/api/telephony/calls?${params}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);

/** Stores a recording the exchange did not link. */
export async function uploadRecording(callId: string, file: Blob): Promise<void> {
  await upload(`/api/telephony/calls/${callId}/recording`, file, 'POST');
}

/** The recording's audio as an address an <audio> can play (the endpoint wants the token, an <audio> cannot send it). */
export async function recordingAddress(callId: string): Promise<string> {
  const { blob } = await download(`/api/telephony/calls/${callId}/recording`);
  return URL.createObjectURL(blob);
}

/** Click to call: the exchange rings the user's extension, then the number. */
export const originate = (number: string, contactId: string | null) =>
  api<Call>('/api/telephony/calls/originate', { method: 'POST', body: { number, contactId } });

export interface TelephonySettings {
  format: Format;
  webhookPath: string;
  signingSecretSet: boolean;
  exchangeUrl: string | null;
  exchangeLoginSet: boolean;
}

/** Secrets are write-only: null keeps the current one, '' clears it. */
export interface TelephonySettingsChange {
  format: Format;
  signingSecret: string | null;
  exchangeUrl: string | null;
  exchangeLogin: string | null;
  exchangePassword: string | null;
}

export const getSettings = () => api<TelephonySettings>('/api/telephony/settings');
export const putSettings = (change: TelephonySettingsChange) =>
  api<TelephonySettings>('/api/telephony/settings', { method: 'PUT', body: change });

export interface ExtensionMapping {
  extension: string;
  userId: string;
}

export const listExtensions = () => api<ExtensionMapping[]>('/api/telephony/extensions');
export const putExtension = (extension: string, userId: string) =>
  api(`/api/telephony/extensions/${encodeURIComponent(extension)}`, { method: 'PUT', body: { userId } });
export const deleteExtension = (extension: string) =>
  api(`/api/telephony/extensions/${encodeURIComponent(extension)}`, { method: 'DELETE' });

/** Where the exchange posts its events in a format (what settings answer as webhookPath for the chosen one). */
export const webhookPath = (format: Format) => `/api/integrations/telephony/events/${format}`;

/** Every query of telephony's data starts with this key; a `changed` frame about a call refreshes them all. */
export const CALLS_KEY = ['telephony', 'calls'] as const;
export const SETTINGS_KEY = ['telephony', 'settings'] as const;
export const EXTENSIONS_KEY = ['telephony', 'extensions'] as const;
