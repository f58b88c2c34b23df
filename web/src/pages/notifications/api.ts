// notifications-service as the web app calls it (docs/telephony-and-notifications.md): every path and body shape
// in this one module, so that a difference from the contract is fixed here and nowhere else.
import { api } from '../../api';

export type CardType = 'CONTACT' | 'COMPANY' | 'LEAD' | 'DEAL' | 'CALL' | 'IMPORT' | 'RETURN';

/** One in-app notification; title and body come written in the user's language. */
export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  cardType: CardType | null;
  cardId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
}

export interface Channels {
  inApp: boolean;
  email: boolean;
  sms: boolean;
}

/** The user's preferences: the language of e-mails and SMS, the phone SMS go to, and per kind the channels. */
export interface Preferences {
  language: string;
  phone: string | null;
  kinds: Record<string, Channels>;
}

export const listNotifications = (cursor?: string, limit = 20) =>
  api<NotificationPage>(`/api/notifications?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
export const unreadCount = () => api<{ count: number }>('/api/notifications/unread-count');
export const markRead = (id: string) => api(`/api/notifications/${id}/read`, { method: 'POST' });
export const markAllRead = () => api('/api/notifications/read-all', { method: 'POST' });
export const getPreferences = () => api<Preferences>('/api/notifications/preferences');
export const putPreferences = (preferences: Preferences) =>
  api<Preferences>('/api/notifications/preferences', { method: 'PUT', body: preferences });

/** Every query of notifications starts with this key: a new one, or one read elsewhere, refreshes them all. */
export const NOTIFICATIONS_KEY = ['notifications'] as const;
export const PREFERENCES_KEY = ['notification-preferences'] as const;

export const MESSAGE_CHANNELS = ['EMAIL', 'SMS'] as const;
export const MESSAGE_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * One e-mail or SMS of the company's message log. `recipient` is an e-mail address or an E.164 phone; `subject` is
 * none for an SMS; `nextAttemptAt` is given only while the message is PENDING.
 */
export interface SentMessage {
  id: string;
  channel: MessageChannel;
  template: string;
  language: string;
  recipient: string;
  userId: string | null;
  contactId: string | null;
  subject: string | null;
  status: MessageStatus;
  attempts: number;
  lastError: string | null;
  providerMessageId: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
  finishedAt: string | null;
}

export interface SentMessagePage {
  items: SentMessage[];
  nextCursor: string | null;
}

/** The message log's filters; none means every channel or status. */
export interface SentMessageFilters {
  channel?: MessageChannel;
  status?: MessageStatus;
}

/** The log's query string (without the cursor), in a stable order so it can key a query. */
export function sentMessageParams(filters: SentMessageFilters, limit = 50): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.channel) params.set('channel', filters.channel);
  if (filters.status) params.set('status', filters.status);
  params.set('limit', String(limit));
  return params;
}

/** A page of the message log, newest first (administrators only; others are answered 403). */
export const listSentMessages = (params: URLSearchParams, cursor?: string) =>
  api<SentMessagePage>(`/api/notifications/emails?${params}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);

// not under NOTIFICATIONS_KEY: a new in-app notification says nothing about the message log
export const SENT_MESSAGES_KEY = ['sent-messages'] as const;
