import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { messages } from '../../messages';
import { MESSAGE_STATUSES, sentMessageParams } from './api';
import { fromForm, KINDS, MESSAGE_STATUS_COLORS, messageTopic, notificationPath, shortError, toForm, wantsSms } from './model';

describe('where a notification leads', () => {
  it('opens the card it is about', () => {
    expect(notificationPath({ cardType: 'CONTACT', cardId: 'c1' })).toBe('/contacts/c1');
    expect(notificationPath({ cardType: 'COMPANY', cardId: 'o1' })).toBe('/companies/o1');
    expect(notificationPath({ cardType: 'DEAL', cardId: 'd1' })).toBe('/deals-list?deal=d1');
    expect(notificationPath({ cardType: 'LEAD', cardId: 'l1' })).toBe('/deals-list?lead=l1');
    expect(notificationPath({ cardType: 'CALL', cardId: 'k1' })).toBe('/calls');
    expect(notificationPath({ cardType: 'RETURN', cardId: 'r1' })).toBe('/returns');
  });

  it('leads nowhere when it is about no card', () => {
    expect(notificationPath({ cardType: null, cardId: null })).toBeNull();
  });
});

describe('the preferences form', () => {
  const server = {
    language: 'uk',
    phone: '+380671234567',
    kinds: {
      mention: { inApp: true, email: true, sms: false },
      call: { inApp: true, email: false, sms: true },
      'task-reminder': { inApp: false, email: true, sms: false },
    },
  };

  it('lists the known kinds in order, a kind not mentioned with in-app only, then kinds the app does not know', () => {
    const form = toForm(server);
    expect(form.kinds.map((k) => k.kind)).toEqual([...KINDS, 'task-reminder']);
    expect(form.kinds[0]).toEqual({ kind: 'call', inApp: true, email: false, sms: true });
    expect(form.kinds.find((k) => k.kind === 'assignment')).toEqual({ kind: 'assignment', inApp: true, email: false, sms: false });
    expect(form.phone).toBe('+380671234567');
  });

  it('goes back as the same shape, the unknown kind kept', () => {
    const back = fromForm(toForm(server));
    expect(back.language).toBe('uk');
    expect(back.kinds.mention).toEqual(server.kinds.mention);
    expect(back.kinds['task-reminder']).toEqual(server.kinds['task-reminder']);
    expect(Object.keys(back.kinds)).toHaveLength(KINDS.length + 1);
  });

  it('sends a blank phone as none, and an unset checkbox as false', () => {
    const back = fromForm({ language: 'en', phone: '  ', kinds: [{ kind: 'call', inApp: true } as never] });
    expect(back).toEqual({ language: 'en', phone: null, kinds: { call: { inApp: true, email: false, sms: false } } });
  });

  it('knows when a phone is needed', () => {
    expect(wantsSms(toForm(server))).toBe(true);
    expect(wantsSms(toForm({ ...server, kinds: {} }))).toBe(false);
  });

  it('reads a server without a phone as an empty field', () => {
    expect(toForm({ language: 'en', phone: null, kinds: {} }).phone).toBe('');
  });
});

describe('the log of sent messages', () => {
  // i18next with keySeparator off, as i18n.ts sets it up: the English text, else the default value
  const t = ((key: string, options?: { defaultValue?: string }) =>
    (messages.en as Record<string, string>)[key] ?? options?.defaultValue ?? key) as unknown as TFunction;

  it('asks for the chosen channel and status only, in a stable order', () => {
    expect(sentMessageParams({}).toString()).toBe('limit=50');
    expect(sentMessageParams({ status: 'FAILED', channel: 'SMS' }, 20).toString()).toBe('channel=SMS&status=FAILED&limit=20');
  });

  it('tells a message by its subject, or by its template in the user\'s language when it has none', () => {
    expect(messageTopic({ subject: 'Invitation to Kovalenko Trading', template: 'invitation' }, t)).toBe('Invitation to Kovalenko Trading');
    expect(messageTopic({ subject: null, template: 'call-missed' }, t)).toBe('Missed call');
    expect(messageTopic({ subject: '  ', template: 'password-reset' }, t)).toBe('Password reset');
    expect(messageTopic({ subject: null, template: 'birthday-greeting' }, t)).toBe('birthday-greeting');
  });

  it('names every template the service sends in each language', () => {
    for (const template of ['invitation', 'password-reset', 'notification', 'call-missed']) {
      for (const language of ['en', 'ru', 'uk'] as const) {
        expect(messages[language]).toHaveProperty(`sent.template.${template}`);
      }
    }
  });

  it('colours sent green, pending blue and failed red', () => {
    expect(MESSAGE_STATUSES.map((s) => MESSAGE_STATUS_COLORS[s])).toEqual(['blue', 'green', 'red']);
  });

  it('shortens a long or many-line error to one line, and leaves a short one as it is', () => {
    expect(shortError(null)).toBe('');
    expect(shortError('Connection refused')).toBe('Connection refused');
    expect(shortError('550 5.1.1 User unknown\n  at smtp.example.com')).toBe('550 5.1.1 User unknown …');
    const long = shortError('x'.repeat(200), 80);
    expect(long).toHaveLength(80);
    expect(long.endsWith('…')).toBe(true);
  });
});
