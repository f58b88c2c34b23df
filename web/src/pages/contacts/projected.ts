import type { TFunction } from 'i18next';

/** A stage as an event names it: the seeded ones by code, a renamed or added one by its name. */
export interface StageFacts {
  code?: string | null;
  name?: string | null;
}

/** What a timeline entry projected from another service's event says, in its source event's terms. */
export interface ProjectedFacts {
  number?: number;
  dealNumber?: number;
  title?: string;
  amount?: number;
  currency?: string;
  reason?: string;
  source?: string;
  sourceDetail?: string;
  stage?: StageFacts;
  from?: StageFacts;
  to?: StageFacts;
  shopOrderId?: string;
  paymentStatus?: string;
  comment?: string;
  direction?: 'INBOUND' | 'OUTBOUND';
  callerNumber?: string | null;
  calledNumber?: string | null;
  talkSeconds?: number;
  waitSeconds?: number;
  subject?: string;
  phone?: string;
  /** task.created: when it is due (RFC 3339), whom it is assigned to, the deal it is linked to */
  dueAt?: string;
  assigneeId?: string;
  dealId?: string;
  /** task.completed: the outcome note and who marked it done */
  result?: string;
  completedBy?: string;
  /** message.posted: the message cut to 200 characters, the messenger (telegram, viber, web-chat...), its author */
  text?: string;
  channel?: string;
  authorId?: string;
}

/** A call's length as the reader says it: "4 min 5 s", "4 хв 5 с". */
function duration(seconds: number, t: TFunction): string {
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? t('timeline.minutesSeconds', { minutes, seconds: seconds % 60 })
    : t('timeline.seconds', { seconds });
}

export function stageName(stage: StageFacts | undefined, t: TFunction): string {
  if (!stage) return '?';
  if (stage.name) return stage.name;
  return stage.code ? t(`deals.stage.${stage.code}`, { defaultValue: stage.code }) : '?';
}

/** A due date as the reader writes it, in their time zone: "November 28, 2026", "28 листопада 2026 р.". */
function day(instant: string, language: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

function money(amount: number | undefined, currency: string | undefined, language: string): string {
  if (amount === undefined || amount === null) return '';
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency: currency ?? 'UAH' }).format(amount);
  } catch {
    return `${amount} ${currency ?? ''}`.trim();
  }
}

/**
 * The entry's text in the reader's language, for entries projected from other services' events; null for
 * entries added by hand or from an event the app has no words for (their own summary is shown then). A chat
 * message's `direction` is the entry's (IN from the client, OUT to them).
 */
export function projectedText(source: string, facts: ProjectedFacts | null | undefined, t: TFunction,
  language: string, direction?: 'IN' | 'OUT' | null): string | null {
  if (!facts) return null;
  const title = facts.title ? ` «${facts.title}»` : '';
  const reason = facts.reason ? `: ${facts.reason}` : '';
  const amount = money(facts.amount, facts.currency, language);
  switch (source) {
    case 'lead.created':
      return t('timeline.leadCreated', { number: facts.number,
        from: facts.sourceDetail || facts.source ? ` (${facts.sourceDetail || facts.source})` : '' });
    case 'lead.converted':
      return t('timeline.leadConverted', { number: facts.number, deal: facts.dealNumber, title });
    case 'lead.lost':
      return t('timeline.leadLost', { number: facts.number, reason });
    case 'deal.created':
      return t('timeline.dealCreated', { number: facts.number, title, amount: amount ? `: ${amount}` : '' });
    case 'deal.stage-changed':
      return t('timeline.dealMoved', { number: facts.number, title, from: stageName(facts.from, t), to: stageName(facts.to, t) });
    case 'deal.won':
      return t('timeline.dealWon', { number: facts.number, title, amount: amount ? `: ${amount}` : '' });
    case 'deal.lost':
      return t('timeline.dealLost', { number: facts.number, title, reason });
    case 'order.received':
      return t('timeline.orderReceived', { order: facts.shopOrderId, amount: amount ? `: ${amount}` : '' });
    case 'payment.received':
      return t('timeline.paymentReceived', { order: facts.shopOrderId, amount: amount ? `: ${amount}` : '',
        status: t(`deals.payment.${facts.paymentStatus}`, { defaultValue: facts.paymentStatus ?? '' }) });
    case 'return.requested':
      return t('timeline.returnRequested', { order: facts.shopOrderId, reason });
    case 'return.approved':
      return t('timeline.returnApproved', { order: facts.shopOrderId });
    case 'return.rejected':
      return t('timeline.returnRejected', { order: facts.shopOrderId,
        comment: facts.comment ? `: ${facts.comment}` : '' });
    case 'call.ended':
      return facts.direction === 'OUTBOUND'
        ? t('timeline.callOut', { number: facts.calledNumber ?? '?', duration: duration(facts.talkSeconds ?? 0, t) })
        : t('timeline.callIn', { number: facts.callerNumber ?? t('timeline.hiddenNumber'),
          duration: duration(facts.talkSeconds ?? 0, t) });
    case 'call.missed':
      return facts.direction === 'OUTBOUND'
        ? t('timeline.callUnanswered', { number: facts.calledNumber ?? '?' })
        : t('timeline.callMissed', { number: facts.callerNumber ?? t('timeline.hiddenNumber') });
    case 'email.sent':
      return t('timeline.emailSent', { subject: facts.subject ?? '' });
    case 'sms.sent':
      return t('timeline.smsSent', { phone: facts.phone ?? '' });
    case 'task.created':
      return t('timeline.taskCreated', { title: facts.title ?? '',
        due: facts.dueAt ? t('timeline.taskDue', { date: day(facts.dueAt, language) }) : '' });
    case 'task.completed':
      return t('timeline.taskDone', { title: facts.title ?? '', result: facts.result ? `: ${facts.result}` : '' });
    case 'message.posted': {
      const messenger = facts.channel && facts.channel !== 'internal'
        ? t(`timeline.messenger.${facts.channel}`, { defaultValue: facts.channel }) : null;
      // contacts-service gives every message entry its direction (IN from the client, OUT to them)
      return t(direction === 'OUT' ? 'timeline.messageOut' : 'timeline.messageIn', {
        via: messenger ? t('timeline.messageVia', { messenger }) : '',
        text: facts.text ? `: ${facts.text}` : '',
      });
    }
    default:
      return null;
  }
}

export const projectedMessages = {
  en: {
    'timeline.leadCreated': 'Lead #{{number}} created{{from}}',
    'timeline.leadConverted': 'Lead #{{number}} converted into deal #{{deal}}{{title}}',
    'timeline.leadLost': 'Lead #{{number}} lost{{reason}}',
    'timeline.dealCreated': 'Deal #{{number}}{{title}} created{{amount}}',
    'timeline.dealMoved': 'Deal #{{number}}{{title}} moved from “{{from}}” to “{{to}}”',
    'timeline.dealWon': 'Deal #{{number}}{{title}} won{{amount}}',
    'timeline.dealLost': 'Deal #{{number}}{{title}} lost{{reason}}',
    'timeline.orderReceived': 'Order {{order}} received{{amount}}',
    'timeline.paymentReceived': 'Payment for order {{order}}: {{status}}{{amount}}',
    'timeline.returnRequested': 'Return requested for order {{order}}{{reason}}',
    'timeline.returnApproved': 'Return for order {{order}} approved',
    'timeline.returnRejected': 'Return for order {{order}} rejected{{comment}}',
    'timeline.callIn': 'Incoming call from {{number}}, {{duration}}',
    'timeline.callOut': 'Outgoing call to {{number}}, {{duration}}',
    'timeline.callMissed': 'Missed call from {{number}}',
    'timeline.callUnanswered': 'Unanswered call to {{number}}',
    'timeline.hiddenNumber': 'a hidden number',
    'timeline.minutesSeconds': '{{minutes}} min {{seconds}} s',
    'timeline.seconds': '{{seconds}} s',
    'timeline.emailSent': 'E-mail sent: {{subject}}',
    'timeline.smsSent': 'SMS sent to {{phone}}',
    'timeline.taskCreated': 'Task created: {{title}}{{due}}',
    'timeline.taskDue': ', due {{date}}',
    'timeline.taskDone': 'Task done: {{title}}{{result}}',
    'timeline.messageIn': 'Message from the client{{via}}{{text}}',
    'timeline.messageOut': 'Message to the client{{via}}{{text}}',
    'timeline.messageVia': ' via {{messenger}}',
    'timeline.messenger.telegram': 'Telegram',
    'timeline.messenger.viber': 'Viber',
    'timeline.messenger.web-chat': 'the web chat',
  },
  ru: {
    'timeline.leadCreated': 'Создан лид #{{number}}{{from}}',
    'timeline.leadConverted': 'Лид #{{number}} переведён в сделку #{{deal}}{{title}}',
    'timeline.leadLost': 'Лид #{{number}} закрыт как неуспешный{{reason}}',
    'timeline.dealCreated': 'Создана сделка #{{number}}{{title}}{{amount}}',
    'timeline.dealMoved': 'Сделка #{{number}}{{title}} переведена из «{{from}}» в «{{to}}»',
    'timeline.dealWon': 'Сделка #{{number}}{{title}} выиграна{{amount}}',
    'timeline.dealLost': 'Сделка #{{number}}{{title}} проиграна{{reason}}',
    'timeline.orderReceived': 'Получен заказ {{order}}{{amount}}',
    'timeline.paymentReceived': 'Оплата заказа {{order}}: {{status}}{{amount}}',
    'timeline.returnRequested': 'Запрошен возврат по заказу {{order}}{{reason}}',
    'timeline.returnApproved': 'Возврат по заказу {{order}} одобрен',
    'timeline.returnRejected': 'Возврат по заказу {{order}} отклонён{{comment}}',
    'timeline.callIn': 'Входящий звонок с {{number}}, {{duration}}',
    'timeline.callOut': 'Исходящий звонок на {{number}}, {{duration}}',
    'timeline.callMissed': 'Пропущенный звонок с {{number}}',
    'timeline.callUnanswered': 'Неотвеченный звонок на {{number}}',
    'timeline.hiddenNumber': 'скрытого номера',
    'timeline.minutesSeconds': '{{minutes}} мин {{seconds}} с',
    'timeline.seconds': '{{seconds}} с',
    'timeline.emailSent': 'Отправлено письмо: {{subject}}',
    'timeline.smsSent': 'Отправлено SMS на {{phone}}',
    'timeline.taskCreated': 'Создана задача: {{title}}{{due}}',
    'timeline.taskDue': ', срок до {{date}}',
    'timeline.taskDone': 'Задача выполнена: {{title}}{{result}}',
    'timeline.messageIn': 'Сообщение от клиента{{via}}{{text}}',
    'timeline.messageOut': 'Сообщение клиенту{{via}}{{text}}',
    'timeline.messageVia': ' через {{messenger}}',
    'timeline.messenger.telegram': 'Telegram',
    'timeline.messenger.viber': 'Viber',
    'timeline.messenger.web-chat': 'веб-чат',
  },
  uk: {
    'timeline.leadCreated': 'Створено лід #{{number}}{{from}}',
    'timeline.leadConverted': 'Лід #{{number}} переведено в угоду #{{deal}}{{title}}',
    'timeline.leadLost': 'Лід #{{number}} закрито як неуспішний{{reason}}',
    'timeline.dealCreated': 'Створено угоду #{{number}}{{title}}{{amount}}',
    'timeline.dealMoved': 'Угоду #{{number}}{{title}} переведено з «{{from}}» у «{{to}}»',
    'timeline.dealWon': 'Угоду #{{number}}{{title}} виграно{{amount}}',
    'timeline.dealLost': 'Угоду #{{number}}{{title}} програно{{reason}}',
    'timeline.orderReceived': 'Отримано замовлення {{order}}{{amount}}',
    'timeline.paymentReceived': 'Оплата замовлення {{order}}: {{status}}{{amount}}',
    'timeline.returnRequested': 'Запит на повернення за замовленням {{order}}{{reason}}',
    'timeline.returnApproved': 'Повернення за замовленням {{order}} схвалено',
    'timeline.returnRejected': 'Повернення за замовленням {{order}} відхилено{{comment}}',
    'timeline.callIn': 'Вхідний дзвінок з {{number}}, {{duration}}',
    'timeline.callOut': 'Вихідний дзвінок на {{number}}, {{duration}}',
    'timeline.callMissed': 'Пропущений дзвінок з {{number}}',
    'timeline.callUnanswered': 'Дзвінок на {{number}} без відповіді',
    'timeline.hiddenNumber': 'прихованого номера',
    'timeline.minutesSeconds': '{{minutes}} хв {{seconds}} с',
    'timeline.seconds': '{{seconds}} с',
    'timeline.emailSent': 'Надіслано лист: {{subject}}',
    'timeline.smsSent': 'Надіслано SMS на {{phone}}',
    'timeline.taskCreated': 'Створено завдання: {{title}}{{due}}',
    'timeline.taskDue': ', термін до {{date}}',
    'timeline.taskDone': 'Завдання виконано: {{title}}{{result}}',
    'timeline.messageIn': 'Повідомлення від клієнта{{via}}{{text}}',
    'timeline.messageOut': 'Повідомлення клієнтові{{via}}{{text}}',
    'timeline.messageVia': ' через {{messenger}}',
    'timeline.messenger.telegram': 'Telegram',
    'timeline.messenger.viber': 'Viber',
    'timeline.messenger.web-chat': 'веб-чат',
  },
};
