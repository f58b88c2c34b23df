package org.opencrm.deals.items;

import java.util.List;
import java.util.Map;

/**
 * The words of an exported list in English, Ukrainian or Russian: its headers, and the names of what the
 * company was given by code (the seeded pipelines and stages), statuses and payments, as the web app
 * shows them.
 */
record Words(int language) {

    private static final Map<String, String[]> CODES = Map.ofEntries(
            Map.entry("leads", new String[] {"Leads", "Ліди", "Лиды"}),
            Map.entry("orders", new String[] {"Orders", "Замовлення", "Заказы"}),
            Map.entry("new-request", new String[] {"New request", "Нова заявка", "Новая заявка"}),
            Map.entry("qualification", new String[] {"Qualification", "Кваліфікація", "Квалификация"}),
            Map.entry("not-reached", new String[] {"Not reached", "Недодзвон", "Недозвон"}),
            Map.entry("order-forming", new String[] {"Order forming", "Формування замовлення", "Формирование заказа"}),
            Map.entry("ready-to-order", new String[] {"Ready to order", "Готовий до замовлення", "Готов к заказу"}),
            Map.entry("converted", new String[] {"Deal created", "Створено угоду", "Создана сделка"}),
            Map.entry("failed", new String[] {"Failed", "Неуспішна", "Неуспешная"}),
            Map.entry("new-order", new String[] {"New order", "Нове замовлення", "Новый заказ"}),
            Map.entry("order-assembly", new String[] {"Order assembly", "Збір замовлення", "Сбор заказа"}),
            Map.entry("order-shipped", new String[] {"Order shipped", "Замовлення відправлено", "Заказ отправлен"}),
            Map.entry("parcel-picked-up", new String[] {"Parcel picked up", "Посилку забрано", "Посылка забрана"}),
            Map.entry("successful", new String[] {"Successful", "Успішна", "Успешная"}),
            Map.entry("LEAD", new String[] {"Lead", "Лід", "Лид"}),
            Map.entry("DEAL", new String[] {"Deal", "Угода", "Сделка"}),
            Map.entry("OPEN", new String[] {"Open", "Відкрита", "Открыта"}),
            Map.entry("WON", new String[] {"Won", "Виграна", "Выиграна"}),
            Map.entry("LOST", new String[] {"Lost", "Втрачена", "Проиграна"}),
            Map.entry("CONVERTED", new String[] {"Converted", "Конвертовано", "Конвертирован"}),
            Map.entry("NOT_PAID", new String[] {"Not paid", "Не оплачено", "Не оплачено"}),
            Map.entry("NOT_SELECTED", new String[] {"Not selected", "Не вибрано", "Не выбрано"}),
            Map.entry("PAID", new String[] {"Paid", "Оплачено", "Оплачено"}),
            Map.entry("SUCCESSFUL", new String[] {"Successful", "Успішна", "Успешная"}),
            Map.entry("PROVIDER_FAILURE", new String[] {"Payment provider failure", "Збій платіжної системи",
                    "Сбой платёжной системы"}),
            Map.entry("ERROR", new String[] {"Error", "Помилка", "Ошибка"}),
            Map.entry("CARD_ONLINE", new String[] {"Card online", "Карткою онлайн", "Картой онлайн"}),
            Map.entry("CARD", new String[] {"Card", "Карткою", "Картой"}),
            Map.entry("BANK_TRANSFER", new String[] {"Bank transfer", "Р/Р", "Р/С"}),
            Map.entry("CASH_ON_DELIVERY", new String[] {"Cash on delivery", "Накладений платіж", "Наложенный платеж"}),
            Map.entry("CASH", new String[] {"Cash", "Готівка", "Наличные"}));

    private static final List<String[]> HEADER = List.of(
            new String[] {"Number", "Номер", "Номер"},
            new String[] {"Type", "Тип", "Тип"},
            new String[] {"Pipeline", "Воронка", "Воронка"},
            new String[] {"Stage", "Етап", "Этап"},
            new String[] {"Created", "Створено", "Дата создания"},
            new String[] {"Payment status", "Статус оплати", "Статус оплаты"},
            new String[] {"Comment", "Коментар", "Комментарий"},
            new String[] {"Source detail", "Деталізація джерела", "Детализация источника"},
            new String[] {"Responsible", "Відповідальний", "Ответственный"},
            new String[] {"Client or title", "Клієнт або назва", "Клиент или название"},
            new String[] {"Phone", "Телефон", "Телефон"},
            new String[] {"Amount", "Сума", "Сумма"},
            new String[] {"Currency", "Валюта", "Валюта"},
            new String[] {"Status", "Статус", "Статус"},
            new String[] {"Source", "Джерело", "Источник"});

    static Words of(java.util.Locale locale) {
        return new Words(switch (locale.getLanguage()) {
            case "uk" -> 1;
            case "ru" -> 2;
            default -> 0;
        });
    }

    String sheet() {
        return new String[] {"Leads and deals", "Ліди та угоди", "Лиды и сделки"}[language];
    }

    List<String> header() {
        return HEADER.stream().map(words -> words[language]).toList();
    }

    /** A name given by the company, else the translation of its code. */
    String name(String name, String code) {
        if (name != null) {
            return name;
        }
        return code == null ? "" : word(code);
    }

    String type(String type) {
        return word(type);
    }

    String status(String status) {
        return word(status);
    }

    /** As the list shows it: "Successful. Card online". */
    String payment(String status, String type) {
        return type == null ? word(status) : word(status) + ". " + word(type);
    }

    private String word(String key) {
        String[] words = CODES.get(key);
        return words == null ? key : words[language];
    }
}
