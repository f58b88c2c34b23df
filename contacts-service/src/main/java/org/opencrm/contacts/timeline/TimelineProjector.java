package org.opencrm.contacts.timeline;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.chat.MessagePosted;
import org.opencrm.platform.events.deals.DealCreated;
import org.opencrm.platform.events.deals.DealLost;
import org.opencrm.platform.events.deals.DealStageChanged;
import org.opencrm.platform.events.deals.DealWon;
import org.opencrm.platform.events.deals.LeadConverted;
import org.opencrm.platform.events.deals.LeadCreated;
import org.opencrm.platform.events.deals.LeadLost;
import org.opencrm.platform.events.deals.OrderReceived;
import org.opencrm.platform.events.deals.PaymentReceived;
import org.opencrm.platform.events.deals.ReturnApproved;
import org.opencrm.platform.events.deals.ReturnRejected;
import org.opencrm.platform.events.deals.ReturnRequested;
import org.opencrm.platform.events.deals.StageRef;
import org.opencrm.platform.events.notifications.EmailSent;
import org.opencrm.platform.events.notifications.SmsSent;
import org.opencrm.platform.events.tasks.TaskCompleted;
import org.opencrm.platform.events.tasks.TaskCreated;
import org.opencrm.platform.events.telephony.CallEnded;
import org.opencrm.platform.events.telephony.CallMissed;
import org.opencrm.platform.starter.events.IdempotentConsumer;
import org.opencrm.platform.starter.events.IncomingEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts what happens to a client's leads, deals and shop orders into their communication history as it
 * happens: a lead or deal created, moved to another stage, converted, won or lost, an order received, paid or
 * returned becomes an entry on the contact's card and on the company's (each card's timeline shows it),
 * linked to the lead or deal. Calls (answered or missed, in or out) go on the card of the one contact the
 * number matched, linked to the call; e-mails and SMS the CRM sent to a contact go on theirs. A task created
 * or done for a contact or company goes on its card, linked to the task (one linked only to a deal or lead goes
 * on none: the deal's own screens show it); a message of a client's chat goes on the client's card, linked to
 * the chat (colleagues' chats go on none).
 * <p>
 * A shop order's first event names no contact when its customer is new: the customer saga finds or creates
 * the contact and records the order here ({@link #recordOrder}) in its own transaction. A payment names only
 * its order's deal; its client is the one the deal's earlier entries went to.
 * <p>
 * One entry per event however often it arrives (the inbox, and the entry's unique source event). An event
 * about a contact or company that is not the sending company's, or not known here, makes no entry; one
 * about a card since merged into another goes to the card it was merged into.
 */
@Component
public class TimelineProjector {

    static final String CONSUMER = "timeline";
    /** What becomes an entry; the topics' other events (deal.updated, call.ringing, ...) are passed over unread. */
    private static final Set<String> HANDLED = Set.of(OrderReceived.TYPE, PaymentReceived.TYPE, ReturnRequested.TYPE,
            ReturnApproved.TYPE, ReturnRejected.TYPE, LeadCreated.TYPE, LeadConverted.TYPE, LeadLost.TYPE,
            DealCreated.TYPE, DealStageChanged.TYPE, DealWon.TYPE, DealLost.TYPE, CallEnded.TYPE, CallMissed.TYPE,
            EmailSent.TYPE, SmsSent.TYPE, TaskCreated.TYPE, TaskCompleted.TYPE, MessagePosted.TYPE);
    /** The most of a chat message an entry keeps: the card shows the gist, the chat the whole text. */
    private static final int MESSAGE_EXCERPT = 200;

    private final IncomingEvents incoming;
    private final IdempotentConsumer inbox;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    TimelineProjector(IncomingEvents incoming, IdempotentConsumer inbox, JdbcTemplate jdbc, JsonMapper json) {
        this.incoming = incoming;
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An entry to be: where, when, what (in English and as the event's facts), and what it links to. */
    private record Projected(UUID contactId, UUID companyId, Instant occurredAt, String channel, Direction direction,
            String summary, String linkType, UUID linkId, Map<String, Object> details) {

        Projected(UUID contactId, UUID companyId, Instant occurredAt, String channel, String summary, String linkType,
                UUID linkId, Map<String, Object> details) {
            this(contactId, companyId, occurredAt, channel, null, summary, linkType, linkId, details);
        }

        Projected(UUID contactId, UUID companyId, Instant occurredAt, String summary, String linkType, UUID linkId,
                Map<String, Object> details) {
            this(contactId, companyId, occurredAt, "DEAL", summary, linkType, linkId, details);
        }
    }

    @KafkaListener(id = CONSUMER + "-deals", groupId = "${spring.application.name}." + CONSUMER,
            topics = {Topics.DEALS_DEAL, Topics.DEALS_LEAD, Topics.DEALS_ORDER, Topics.TELEPHONY_CALL,
                    Topics.NOTIFICATIONS_NOTIFICATION, Topics.TASKS_TASK, Topics.CHAT_MESSAGE}, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.handleAll(records, this::onRecord);
    }

    private void onRecord(ConsumerRecord<String, byte[]> record) {
        incoming.read(record, HANDLED).ifPresent(event -> project(event).ifPresent(entry ->
                inbox.handle(CONSUMER, event, e -> write(e, entry))));
    }

    /**
     * Records a shop order's arrival on the card of the contact its customer turned out to be; in the caller's
     * transaction, once per event.
     */
    public void recordOrder(EventEnvelope event, OrderReceived order, UUID contactId) {
        write(event, order(order, contactId));
    }

    private static Projected order(OrderReceived order, UUID contactId) {
        return new Projected(contactId, null, order.orderedAt() != null ? order.orderedAt() : order.receivedAt(),
                "ORDER", "Order " + order.shopOrderId() + " received" + money(order.amount(), order.currency()),
                "DEAL", order.dealId(), facts("number", order.dealNumber(), "shopOrderId", order.shopOrderId(),
                        "amount", order.amount(), "currency", order.currency(), "paymentStatus",
                        order.paymentStatus()));
    }

    private Optional<Projected> project(EventEnvelope event) {
        return Optional.ofNullable(switch (event.data()) {
            // a repeated order (firstTime false) is an update the deal's screens show; a new customer's first
            // order is recorded by the customer saga once the contact is known
            case OrderReceived order -> order.firstTime() && order.contactId() != null
                    ? order(order, order.contactId()) : null;
            case PaymentReceived payment -> {
                UUID[] client = clientOfDeal(event.tenantId(), payment.dealId());
                yield client == null ? null : new Projected(client[0], client[1],
                        payment.paidAt() != null ? payment.paidAt() : payment.receivedAt(), "ORDER",
                        "Payment for order " + payment.shopOrderId() + ": " + payment.paymentStatus()
                                + money(payment.amount(), payment.currency()),
                        "DEAL", payment.dealId(), facts("shopOrderId", payment.shopOrderId(), "amount",
                                payment.amount(), "currency", payment.currency(), "paymentStatus",
                                payment.paymentStatus(), "paymentType", payment.paymentType()));
            }
            case ReturnRequested back -> back.contactId() == null ? null : new Projected(back.contactId(), null,
                    back.at(), "ORDER", "Return requested for order " + back.shopOrderId()
                            + (back.reason() == null ? "" : ": " + back.reason()),
                    "DEAL", back.dealId(), facts("shopOrderId", back.shopOrderId(), "reason", back.reason()));
            case ReturnApproved back -> back.contactId() == null ? null : new Projected(back.contactId(), null,
                    back.at(), "ORDER", "Return for order " + back.shopOrderId() + " approved",
                    "DEAL", back.dealId(), facts("shopOrderId", back.shopOrderId(), "reason", back.reason()));
            case ReturnRejected back -> back.contactId() == null ? null : new Projected(back.contactId(), null,
                    back.at(), "ORDER", "Return for order " + back.shopOrderId() + " rejected"
                            + (back.comment() == null ? "" : ": " + back.comment()),
                    "DEAL", back.dealId(), facts("shopOrderId", back.shopOrderId(), "reason", back.reason(),
                            "comment", back.comment()));
            case LeadCreated lead -> lead.contactId() == null && lead.companyId() == null ? null
                    : new Projected(lead.contactId(), lead.companyId(), lead.createdAt(),
                            "Lead #" + lead.number() + " created" + from(lead.sourceDetail(), lead.source()),
                            "LEAD", lead.leadId(), facts("number", lead.number(), "stage", stage(lead.stage()),
                                    "source", lead.source(), "sourceDetail", lead.sourceDetail()));
            case LeadConverted lead -> new Projected(lead.contactId(), lead.companyId(), lead.convertedAt(),
                    "Lead #" + lead.number() + " converted into deal #" + lead.dealNumber() + quoted(lead.dealTitle()),
                    "DEAL", lead.dealId(), facts("number", lead.number(), "dealNumber", lead.dealNumber(),
                            "title", lead.dealTitle(), "amount", lead.amount(), "currency", lead.currency()));
            case LeadLost lead -> new Projected(lead.contactId(), lead.companyId(), lead.lostAt(),
                    "Lead #" + lead.number() + " lost" + (lead.reason() == null ? "" : ": " + lead.reason()),
                    "LEAD", lead.leadId(), facts("number", lead.number(), "reason", lead.reason()));
            case DealCreated deal -> new Projected(deal.contactId(), deal.companyId(), deal.createdAt(),
                    "Deal #" + deal.number() + quoted(deal.title()) + " created" + money(deal.amount(), deal.currency()),
                    "DEAL", deal.dealId(), facts("number", deal.number(), "title", deal.title(), "amount",
                            deal.amount(), "currency", deal.currency(), "stage", stage(deal.stage()),
                            "shopOrderId", deal.shopOrderId()));
            case DealStageChanged deal -> new Projected(deal.contactId(), deal.companyId(), deal.changedAt(),
                    "Deal #" + deal.number() + quoted(deal.title()) + " moved from " + label(deal.from()) + " to "
                            + label(deal.to()),
                    "DEAL", deal.dealId(), facts("number", deal.number(), "title", deal.title(), "from",
                            stage(deal.from()), "to", stage(deal.to())));
            case DealWon deal -> new Projected(deal.contactId(), deal.companyId(), deal.wonAt(),
                    "Deal #" + deal.number() + quoted(deal.title()) + " won" + money(deal.amount(), deal.currency()),
                    "DEAL", deal.dealId(), facts("number", deal.number(), "title", deal.title(), "amount",
                            deal.amount(), "currency", deal.currency()));
            case DealLost deal -> new Projected(deal.contactId(), deal.companyId(), deal.lostAt(),
                    "Deal #" + deal.number() + quoted(deal.title()) + " lost"
                            + (deal.reason() == null ? "" : ": " + deal.reason()),
                    "DEAL", deal.dealId(), facts("number", deal.number(), "title", deal.title(), "reason",
                            deal.reason()));
            case CallEnded call -> call.contactId() == null ? null : new Projected(call.contactId(), null,
                    call.startedAt(), "CALL", direction(call.direction()),
                    ("INBOUND".equals(call.direction()) ? "Incoming call from " + number(call.callerNumber())
                            : "Outgoing call to " + number(call.calledNumber())) + ", " + duration(call.talkSeconds()),
                    "CALL", call.callId(), facts("direction", call.direction(), "callerNumber", call.callerNumber(),
                            "calledNumber", call.calledNumber(), "userId", call.userId(), "talkSeconds",
                            call.talkSeconds(), "waitSeconds", call.waitSeconds()));
            case CallMissed call -> call.contactId() == null ? null : new Projected(call.contactId(), null,
                    call.startedAt(), "CALL", direction(call.direction()),
                    ("INBOUND".equals(call.direction()) ? "Missed call from " + number(call.callerNumber())
                            : "Unanswered call to " + number(call.calledNumber())),
                    "CALL", call.callId(), facts("direction", call.direction(), "callerNumber", call.callerNumber(),
                            "calledNumber", call.calledNumber(), "userId", call.userId(), "waitSeconds",
                            call.waitSeconds(), "missed", true));
            case EmailSent mail -> mail.contactId() == null ? null : new Projected(mail.contactId(), null,
                    mail.sentAt(), "EMAIL", Direction.OUT, "E-mail sent: " + mail.subject(), null, null,
                    facts("subject", mail.subject(), "recipient", mail.recipient(), "template", mail.template()));
            case SmsSent sms -> sms.contactId() == null ? null : new Projected(sms.contactId(), null, sms.sentAt(),
                    "SMS", Direction.OUT, "SMS sent to " + sms.phone(), null, null,
                    facts("phone", sms.phone(), "template", sms.template()));
            // a task of a deal or lead alone is the deal's (its screens show it), not resolved to the deal's client
            case TaskCreated task -> task.contactId() == null && task.companyId() == null ? null : task(task);
            case TaskCompleted task -> task.contactId() == null && task.companyId() == null ? null : task(task);
            // colleagues' chats (and a visitor not known as a contact) are nobody's communication history
            case MessagePosted message -> message.contactId() == null ? null : message(message);
            default -> null; // deal.updated and the rest: the card's own screens show them
        });
    }

    private static Projected task(TaskCreated task) {
        return new Projected(task.contactId(), task.companyId(), task.createdAt(), "TASK",
                "Task created" + titled(task.title())
                        + (task.dueAt() == null ? "" : ", due " + LocalDate.ofInstant(task.dueAt(), ZoneOffset.UTC)),
                "TASK", task.taskId(), facts("title", task.title(), "dueAt",
                        task.dueAt() == null ? null : task.dueAt().toString(), "assigneeId", task.assigneeId(),
                        "dealId", task.dealId()));
    }

    private static Projected task(TaskCompleted task) {
        String result = isBlank(task.result()) ? null : task.result();
        return new Projected(task.contactId(), task.companyId(), task.completedAt(), "TASK",
                "Task done" + titled(task.title()) + (result == null ? "" : ": " + result),
                "TASK", task.taskId(), facts("title", task.title(), "result", result, "completedBy",
                        task.completedBy()));
    }

    private static Projected message(MessagePosted message) {
        Direction direction = "OUT".equals(message.direction()) ? Direction.OUT
                : "IN".equals(message.direction()) ? Direction.IN
                : message.authorId() == null ? Direction.IN : Direction.OUT; // a producer that left it out
        String text = excerpt(message.text());
        return new Projected(message.contactId(), null, message.postedAt(), "CHAT", direction,
                (direction == Direction.IN ? "Message from the client" : "Message to the client")
                        + (text.isEmpty() ? "" : ": " + text),
                "CHAT", message.chatId(), facts("text", text.isEmpty() ? null : text, "channel", message.channel(),
                        "authorId", message.authorId()));
    }

    private void write(EventEnvelope event, Projected entry) {
        UUID contact = live("contact", entry.contactId(), event.tenantId());
        UUID company = live("company", entry.companyId(), event.tenantId());
        if (contact == null && company == null) {
            return;
        }
        jdbc.update("""
                insert into timeline_entry (id, tenant_id, contact_id, company_id, occurred_at, channel, direction,
                    summary, link_type, link_id, source, source_event_id, author_id, created_at, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), cast(? as jsonb))
                on conflict (source_event_id) do nothing
                """, UUID.randomUUID(), event.tenantId(), contact, company,
                Timestamp.from(entry.occurredAt() == null ? event.time() : entry.occurredAt()), entry.channel(),
                entry.direction() == null ? null : entry.direction().name(), entry.summary(),
                entry.linkType(), entry.linkId() == null ? null : entry.linkId().toString(), event.type(), event.id(),
                event.actorId(),
                json.writeValueAsString(entry.details()));
    }

    /** The contact and company a deal's earlier entries went to; null if it has none here. */
    private UUID[] clientOfDeal(UUID tenant, UUID deal) {
        return jdbc.query("""
                select contact_id, company_id from timeline_entry
                where link_type = 'DEAL' and link_id = ? and tenant_id = ?
                order by occurred_at desc limit 1""", (row, n) -> new UUID[] {row.getObject(1, UUID.class),
                row.getObject(2, UUID.class)}, deal.toString(), tenant).stream().findFirst().orElse(null);
    }

    /** The card of the sending company the event names, or the card it was merged into; null if none. */
    private UUID live(String table, UUID id, UUID tenant) {
        UUID current = id;
        for (int hop = 0; current != null && hop < 10; hop++) {
            var found = jdbc.query("select merged_into from " + table + " where id = ? and tenant_id = ?",
                    (row, n) -> Optional.ofNullable(row.getObject(1, UUID.class)), current, tenant);
            if (found.isEmpty()) {
                return null;
            }
            if (found.getFirst().isEmpty()) {
                return current;
            }
            current = found.getFirst().get();
        }
        return null;
    }

    private static Map<String, Object> facts(Object... pairs) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                facts.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return facts;
    }

    private static Map<String, Object> stage(StageRef stage) {
        return stage == null ? null : facts("code", stage.code(), "name", stage.name(), "outcome", stage.outcome());
    }

    private static String label(StageRef stage) {
        if (stage == null) {
            return "?";
        }
        return stage.name() != null ? stage.name() : stage.code().replace('-', ' ');
    }

    private static Direction direction(String callDirection) {
        return "OUTBOUND".equals(callDirection) ? Direction.OUT : Direction.IN;
    }

    private static String number(String e164) {
        return e164 == null ? "a hidden number" : e164;
    }

    private static String duration(int seconds) {
        return seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s";
    }

    /** The text's first {@value #MESSAGE_EXCERPT} characters, the last one "…" if it was longer. */
    private static String excerpt(String text) {
        String whole = text == null ? "" : text.strip();
        if (whole.length() <= MESSAGE_EXCERPT) {
            return whole;
        }
        int end = MESSAGE_EXCERPT - 1;
        if (Character.isHighSurrogate(whole.charAt(end - 1))) {
            end--; // not half an emoji
        }
        return whole.substring(0, end) + "…";
    }

    private static String titled(String title) {
        return isBlank(title) ? "" : ": " + title;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String quoted(String title) {
        return title == null || title.isBlank() ? "" : " \"" + title + "\"";
    }

    private static String from(String detail, String source) {
        String where = detail != null && !detail.isBlank() ? detail : source;
        return where == null || where.isBlank() ? "" : " (" + where + ")";
    }

    private static String money(BigDecimal amount, String currency) {
        return amount == null ? "" : ": " + String.format(Locale.ROOT, "%,.2f", amount) + (currency == null ? "" : " " + currency);
    }
}
