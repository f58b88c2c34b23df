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
