// Rules of the notification screens: where a notification leads, the preferences as the form holds them, and how
// the message log reads a message.
import type { TFunction } from 'i18next';
import type { Channels, MessageStatus, Notification, Preferences, SentMessage } from './api';

/** The kinds a user may choose channels for, in the order the preferences page lists them. */
export const KINDS = ['call', 'mention', 'assignment', 'deal-moved', 'import-finished', 'return-requested'] as const;
export const CHANNELS = ['inApp', 'email', 'sms'] as const;
export type ChannelName = (typeof CHANNELS)[number];

/** The app's page of the card a notification is about; null when it is about none the app can open. */
export function notificationPath(n: Pick<Notification, 'cardType' | 'cardId'>): string | null {
  const id = n.cardId ? encodeURIComponent(n.cardId) : null;
  switch (n.cardType) {
    case 'CONTACT':
      return id ? `/contacts/${id}` : '/contacts';
    case 'COMPANY':
      return id ? `/companies/${id}` : '/companies';
    case 'LEAD':
      return id ? `/deals-list?lead=${id}` : '/deals-list';
    case 'DEAL':
      return id ? `/deals-list?deal=${id}` : '/deals-list';
    case 'CALL':
      return '/calls';
    case 'IMPORT':
      return '/contacts';
    case 'RETURN':
      return '/returns';
    default:
      return null;
  }
}

/** One row of the preferences table: a kind and its three channels. */
export interface KindRow extends Channels {
  kind: string;
}

export interface PreferencesForm {
  language: string;
  phone: string;
  kinds: KindRow[];
}

const NONE: Channels = { inApp: false, email: false, sms: false };

/**
 * The server's preferences as the form's rows: the known kinds in their order (a kind the server does not mention
 * is shown with every channel off, except in-app), then any kind the app does not know yet, so it is kept.
 */
export function toForm(preferences: Preferences): PreferencesForm {
  const given = preferences.kinds ?? {};
  const known: KindRow[] = KINDS.map((kind) => ({ kind, ...(given[kind] ?? { ...NONE, inApp: true }) }));
  const others: KindRow[] = Object.keys(given).filter((k) => !(KINDS as readonly string[]).includes(k)).sort()
    .map((kind) => ({ kind, ...given[kind] }));
  return { language: preferences.language, phone: preferences.phone ?? '', kinds: [...known, ...others] };
}

/** The form back as the PUT takes it: channels as booleans, a blank phone as none. */
export function fromForm(form: PreferencesForm): Preferences {
  const phone = form.phone.trim();
  return {
    language: form.language,
    phone: phone === '' ? null : phone,
    kinds: Object.fromEntries(form.kinds.map((row) => [row.kind, { inApp: !!row.inApp, email: !!row.email, sms: !!row.sms }])),
  };
}

/** Whether some kind goes by SMS, which needs a phone to send to. */
export const wantsSms = (form: PreferencesForm) => form.kinds.some((row) => row.sms);

/** The colour of a message's status tag: sent green, still being tried blue, given up red. */
export const MESSAGE_STATUS_COLORS: Record<MessageStatus, string> = { SENT: 'green', PENDING: 'blue', FAILED: 'red' };

/**
 * What a message of the log is about: its subject, or (an SMS, which has none) its template's name in the user's
 * language; a template the app does not know yet by its own name.
 */
export function messageTopic(message: Pick<SentMessage, 'subject' | 'template'>, t: TFunction): string {
  const subject = message.subject?.trim();
  return subject ? subject : t(`sent.template.${message.template}`, { defaultValue: message.template });
}

/** A long delivery error as one short line (its first line, cut at `max` characters), for a table cell. */
export function shortError(error: string | null, max = 80): string {
  if (!error) return '';
  const [first, ...rest] = error.trim().split(/\r?\n/);
  const line = first.trim();
  if (line.length > max) return `${line.slice(0, max - 1).trimEnd()}…`;
  return rest.length > 0 ? `${line} …` : line;
}
