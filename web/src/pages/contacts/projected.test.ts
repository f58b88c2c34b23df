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
    expect(projectedText('project.created', { number: 1 }, en, 'en')).toBeNull();
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

  it('tell a task created for the client with its due date, and a task done with its outcome', async () => {
    const facts = { title: 'Call back about the wholesale prices', dueAt: '2026-11-28T10:00:00Z' };
    const en = await translator('en');
    expect(projectedText('task.created', facts, en, 'en'))
      .toBe('Task created: Call back about the wholesale prices, due November 28, 2026');
    expect(projectedText('task.created', { title: 'Send the price list' }, en, 'en'))
      .toBe('Task created: Send the price list');
    expect(projectedText('task.completed', { title: 'Send the price list', result: 'Sent by e-mail' }, en, 'en'))
      .toBe('Task done: Send the price list: Sent by e-mail');
    const ru = await translator('ru');
    expect(projectedText('task.created', { title: 'Перезвонить по оптовым ценам', dueAt: facts.dueAt }, ru, 'ru'))
      .toMatch(/^Создана задача: Перезвонить по оптовым ценам, срок до 28 ноября 2026\s?г\.$/);
    expect(projectedText('task.completed', { title: 'Перезвонить по оптовым ценам' }, ru, 'ru'))
      .toBe('Задача выполнена: Перезвонить по оптовым ценам');
    const uk = await translator('uk');
    expect(projectedText('task.created', { title: 'Передзвонити щодо оптових цін', dueAt: facts.dueAt }, uk, 'uk'))
      .toMatch(/^Створено завдання: Передзвонити щодо оптових цін, термін до 28 листопада 2026\s?р\.$/);
    expect(projectedText('task.completed', { title: 'Передзвонити щодо оптових цін', result: 'Знижка 5%' }, uk, 'uk'))
      .toBe('Завдання виконано: Передзвонити щодо оптових цін: Знижка 5%');
  });

  it('tell a client’s messages from them and to them, with the messenger', async () => {
    const uk = await translator('uk');
    expect(projectedText('message.posted', { text: 'Анкери 8x60 ще є?', channel: 'telegram' }, uk, 'uk', 'IN'))
      .toBe('Повідомлення від клієнта через Telegram: Анкери 8x60 ще є?');
    expect(projectedText('message.posted', { text: 'Так, 40 коробок', channel: 'web-chat', authorId: 'u-1' }, uk, 'uk',
      'OUT')).toBe('Повідомлення клієнтові через веб-чат: Так, 40 коробок');
    const ru = await translator('ru');
    expect(projectedText('message.posted', { text: 'Есть ли анкеры 8x60?', channel: 'viber' }, ru, 'ru', 'IN'))
      .toBe('Сообщение от клиента через Viber: Есть ли анкеры 8x60?');
    expect(projectedText('message.posted', { text: 'Да, 40 коробок', channel: 'whatsapp', authorId: 'u-1' }, ru, 'ru',
      'OUT')).toBe('Сообщение клиенту через whatsapp: Да, 40 коробок');
    const en = await translator('en');
    expect(projectedText('message.posted', { text: 'Yes, 40 boxes', channel: 'web-chat', authorId: 'u-1' }, en, 'en',
      'OUT')).toBe('Message to the client via the web chat: Yes, 40 boxes');
    expect(projectedText('message.posted', { channel: 'telegram', authorId: 'u-1' }, en, 'en', 'OUT'))
      .toBe('Message to the client via Telegram');
  });
});
