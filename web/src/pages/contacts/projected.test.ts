import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { messages } from '../../messages';
import { projectedText } from './projected';

async function translator(language: string) {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: language,
    resources: Object.fromEntries(Object.entries(messages).map(([lang, texts]) => [lang, { translation: texts }])),
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

describe('entries projected from deal events', () => {
  it('name seeded stages by code in the reader’s language and renamed ones by their name', async () => {
    const uk = await translator('uk');
    expect(projectedText('deal.stage-changed', {
      number: 1042, title: 'Анкери', from: { code: 'new-order' }, to: { code: 'order-shipped', name: 'Відправлено' },
    }, uk, 'uk')).toBe('Угоду #1042 «Анкери» переведено з «Нове замовлення» у «Відправлено»');
  });

  it('show amounts as money of their currency', async () => {
    const en = await translator('en');
    expect(projectedText('deal.created', { number: 7, amount: 1180.5, currency: 'UAH' }, en, 'en'))
      .toMatch(/^Deal #7 created: UAH\s1,180\.50$/);
  });

  it('say where a lead came from and why one was lost', async () => {
    const ru = await translator('ru');
    expect(projectedText('lead.created', { number: 3, source: 'facebook', sourceDetail: 'FB - Саморезы' }, ru, 'ru'))
      .toBe('Создан лид #3 (FB - Саморезы)');
    expect(projectedText('lead.lost', { number: 3, reason: 'Не отвечает' }, ru, 'ru'))
      .toBe('Лид #3 закрыт как неуспешный: Не отвечает');
  });

  it('tell a shop order, its payment in the reader’s words and its return', async () => {
    const uk = await translator('uk');
    expect(projectedText('order.received', { shopOrderId: 'SO-77', amount: 250, currency: 'UAH' }, uk, 'uk'))
      .toMatch(/^Отримано замовлення SO-77: 250,00\s₴$/);
    expect(projectedText('payment.received', { shopOrderId: 'SO-77', paymentStatus: 'PAID' }, uk, 'uk'))
      .toBe(`Оплата замовлення SO-77: ${uk('deals.payment.PAID')}`);
    expect(projectedText('return.rejected', { shopOrderId: 'SO-77', comment: 'Після 14 днів' }, uk, 'uk'))
      .toBe('Повернення за замовленням SO-77 відхилено: Після 14 днів');
  });

  it('leave entries added by hand and unknown events to their own summary', async () => {
    const en = await translator('en');
    expect(projectedText('manual', null, en, 'en')).toBeNull();
    expect(projectedText('task.created', { number: 1 }, en, 'en')).toBeNull();
  });

  it('tell calls with their direction and length, and messages the CRM sent', async () => {
    const uk = await translator('uk');
    expect(projectedText('call.ended', { direction: 'INBOUND', callerNumber: '+380501112233', talkSeconds: 245 }, uk,
      'uk')).toBe('Вхідний дзвінок з +380501112233, 4 хв 5 с');
    expect(projectedText('call.missed', { direction: 'INBOUND', callerNumber: null }, uk, 'uk'))
      .toBe('Пропущений дзвінок з прихованого номера');
    const ru = await translator('ru');
    expect(projectedText('call.ended', { direction: 'OUTBOUND', calledNumber: '+380501112233', talkSeconds: 42 }, ru,
      'ru')).toBe('Исходящий звонок на +380501112233, 42 с');
    const en = await translator('en');
    expect(projectedText('call.missed', { direction: 'OUTBOUND', calledNumber: '+380501112233' }, en, 'en'))
      .toBe('Unanswered call to +380501112233');
    expect(projectedText('email.sent', { subject: 'Winter prices' }, en, 'en')).toBe('E-mail sent: Winter prices');
  });
});
