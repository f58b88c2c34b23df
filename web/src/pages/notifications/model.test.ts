import { describe, expect, it } from 'vitest';
import { fromForm, KINDS, notificationPath, toForm, wantsSms } from './model';

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
