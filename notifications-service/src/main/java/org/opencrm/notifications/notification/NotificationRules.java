package org.opencrm.notifications.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opencrm.notifications.directory.Person;
import org.opencrm.notifications.directory.Staff;
import org.opencrm.notifications.preference.Kinds;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.contacts.CommentAdded;
import org.opencrm.platform.events.contacts.ContactCreated;
import org.opencrm.platform.events.contacts.ContactUpdated;
import org.opencrm.platform.events.contacts.ImportFinished;
import org.opencrm.platform.events.deals.DealCreated;
import org.opencrm.platform.events.deals.DealStageChanged;
import org.opencrm.platform.events.deals.DealUpdated;
import org.opencrm.platform.events.deals.LeadCreated;
import org.opencrm.platform.events.deals.ReturnRequested;
import org.opencrm.platform.events.telephony.CallMissed;
import org.opencrm.platform.events.telephony.CallRinging;
import org.opencrm.platform.events.telephony.CallerCard;
import org.opencrm.platform.starter.events.IdempotentConsumer;
import org.opencrm.platform.starter.events.IncomingEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What in the other services' events is news for whom (issue 6): a mention; a lead, deal or client assigned to a
 * user; a deal moved to them (its responsible changed to them); their import finished; a return requested on
 * their deal; a call ringing for them or missed. In the service's shared consumer group, once per event.
 */
@Component
class NotificationRules {

    static final String CONSUMER = "notification-rules";

    private final IncomingEvents incoming;
    private final IdempotentConsumer inbox;
    private final Notifications notifications;
    private final Responsibles responsibles;
    private final Staff staff;

    NotificationRules(IncomingEvents incoming, IdempotentConsumer inbox, Notifications notifications,
            Responsibles responsibles, Staff staff) {
        this.incoming = incoming;
        this.inbox = inbox;
        this.notifications = notifications;
        this.responsibles = responsibles;
        this.staff = staff;
    }

    @KafkaListener(id = CONSUMER, groupId = "${spring.application.name}." + CONSUMER, topics = {
            Topics.CONTACTS_CONTACT, Topics.CONTACTS_COMPANY, Topics.DEALS_LEAD, Topics.DEALS_DEAL, Topics.DEALS_ORDER,
            Topics.TELEPHONY_CALL}, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.handleAll(records, this::onRecord);
    }

    private void onRecord(ConsumerRecord<String, byte[]> record) {
        incoming.read(record).ifPresent(event -> {
            switch (event.data()) {
                case CommentAdded comment -> inbox.handle(CONSUMER, event, e -> mentioned(e, comment));
                case ContactCreated contact -> inbox.handle(CONSUMER, event, e -> responsibles.record(
                        Responsibles.CONTACT, contact.contactId(), contact.ownerId(), null, contact.version()));
                case ContactUpdated contact -> inbox.handle(CONSUMER, event, e -> contactChanged(e, contact));
                case ImportFinished imported -> inbox.handle(CONSUMER, event, e -> importFinished(e, imported));
                case LeadCreated lead -> inbox.handle(CONSUMER, event, e -> notifications.tell(e, lead.ownerId(),
                        news(Kinds.ASSIGNMENT, "lead-assigned", "LEAD", lead.leadId(), "number",
                                String.valueOf(lead.number()), "name", lead.contactName())));
                case DealCreated deal -> inbox.handle(CONSUMER, event, e -> dealCreated(e, deal));
                case DealUpdated deal -> inbox.handle(CONSUMER, event, e -> dealOwner(e, deal.dealId(), deal.number(),
                        deal.ownerId(), deal.version(), deal.title() != null ? deal.title() : deal.contactName()));
                case DealStageChanged deal -> inbox.handle(CONSUMER, event, e -> dealOwner(e, deal.dealId(),
                        deal.number(), deal.ownerId(), deal.version(), deal.title()));
                case ReturnRequested request -> inbox.handle(CONSUMER, event, e -> returnRequested(e, request));
                case CallRinging call -> inbox.handle(CONSUMER, event, e -> notifications.tell(e, call.userId(),
                        news(Kinds.CALL, "call-ringing", "CALL", call.callId(), "caller", caller(call))));
                case CallMissed call -> inbox.handle(CONSUMER, event, e -> notifications.tell(e, call.userId(),
                        news(Kinds.CALL, "call-missed", "CALL", call.callId(), "caller",
                                call.contactName() != null ? call.contactName()
                                        : call.callerNumber() != null ? call.callerNumber() : "@hidden-number")));
                default -> {
                }
            }
        });
    }

    private void mentioned(EventEnvelope event, CommentAdded comment) {
        String author = staff.find(comment.authorId()).map(Person::name).filter(name -> !name.isBlank())
                .orElse("@someone");
        comment.mentions().stream().distinct().filter(user -> !user.equals(comment.authorId())).forEach(user ->
                notifications.tell(event, user, news(Kinds.MENTION, "mention", comment.cardType(), comment.cardId(),
                        "author", author, "body", comment.excerpt())));
    }

    private void contactChanged(EventEnvelope event, ContactUpdated contact) {
        var change = responsibles.record(Responsibles.CONTACT, contact.contactId(), contact.ownerId(), null,
                contact.version());
        if (change.movedTo(contact.ownerId())) {
            String name = String.join(" ", java.util.stream.Stream.of(contact.firstName(), contact.lastName())
                    .filter(part -> part != null && !part.isBlank()).toList());
            notifications.tell(event, contact.ownerId(), news(Kinds.ASSIGNMENT, "contact-assigned", "CONTACT",
                    contact.contactId(), "name", name));
        }
    }

    private void importFinished(EventEnvelope event, ImportFinished imported) {
        boolean failed = "FAILED".equalsIgnoreCase(imported.status());
        notifications.tell(event, imported.requestedBy(), news(Kinds.IMPORT_FINISHED,
                failed ? "import-failed" : "import-finished", "IMPORT", imported.importId(),
                "file", imported.fileName(), "created", String.valueOf(imported.created()),
                "updated", String.valueOf(imported.updated()), "skipped", String.valueOf(imported.skipped()),
                "rejected", String.valueOf(imported.rejected())));
    }

    private void dealCreated(EventEnvelope event, DealCreated deal) {
        responsibles.record(Responsibles.DEAL, deal.dealId(), deal.ownerId(), deal.number(), deal.version());
        notifications.tell(event, deal.ownerId(), news(Kinds.ASSIGNMENT, "deal-assigned", "DEAL", deal.dealId(),
                "number", String.valueOf(deal.number()), "name",
                deal.title() != null ? deal.title() : deal.contactName()));
    }

    private void dealOwner(EventEnvelope event, UUID dealId, long number, UUID ownerId, long version, String name) {
        if (responsibles.record(Responsibles.DEAL, dealId, ownerId, number, version).movedTo(ownerId)) {
            notifications.tell(event, ownerId, news(Kinds.DEAL_MOVED, "deal-moved", "DEAL", dealId,
                    "number", String.valueOf(number), "name", name));
        }
    }

    private void returnRequested(EventEnvelope event, ReturnRequested request) {
        responsibles.deal(request.dealId()).ifPresent(deal -> notifications.tell(event, deal.ownerId(),
                news(Kinds.RETURN_REQUESTED, "return-requested", "RETURN", request.returnId(),
                        "number", deal.number() == null ? "" : String.valueOf(deal.number()),
                        "body", request.reason())));
    }

    private static String caller(CallRinging call) {
        if (call.callers() != null && call.callers().size() == 1) {
            CallerCard card = call.callers().getFirst();
            if (card.name() != null) {
                return card.name() + (call.callerNumber() != null ? " (" + call.callerNumber() + ")" : "");
            }
        }
        return call.callerNumber() != null ? call.callerNumber() : "@hidden-number";
    }

    private static Notifications.News news(String kind, String wording, String cardType, UUID cardId,
            String... values) {
        Map<String, String> named = new HashMap<>();
        for (int i = 0; i + 1 < values.length; i += 2) {
            named.put(values[i], values[i + 1]);
        }
        return new Notifications.News(kind, wording, named, cardType, cardId);
    }
}
