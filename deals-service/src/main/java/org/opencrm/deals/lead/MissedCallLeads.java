package org.opencrm.deals.lead;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opencrm.deals.card.CardKind;
import org.opencrm.deals.config.DealsSettings;
import org.opencrm.deals.history.StageHistory;
import org.opencrm.deals.numbering.CardNumbers;
import org.opencrm.deals.pipeline.PipelineKind;
import org.opencrm.deals.pipeline.PipelineStage;
import org.opencrm.deals.pipeline.Pipelines;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.deals.LeadCreated;
import org.opencrm.platform.events.telephony.CallMissed;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.events.IdempotentConsumer;
import org.opencrm.platform.starter.events.IncomingEvents;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A missed incoming call becomes a lead (`002_*`: the source "missed call"), so that somebody calls back:
 * in the first open stage of the lead funnel, for the user the call rang for, named by the contact the caller
 * was matched to or by the number alone. Not when the caller already has an open lead (the matched
 * contact's, or one with the same phone number), nor for a hidden number nobody could call back. Missed
 * outgoing calls are the caller's own business and make none.
 */
@Component
class MissedCallLeads {

    static final String CONSUMER = "missed-call-leads";
    private static final Set<String> HANDLED = Set.of(CallMissed.TYPE);
    static final String SOURCE = "missed-call";

    private final IncomingEvents incoming;
    private final IdempotentConsumer inbox;
    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;
    private final Pipelines pipelines;
    private final CardNumbers numbers;
    private final StageHistory history;
    private final EventPublisher events;
    private final DealsSettings settings;

    MissedCallLeads(IncomingEvents incoming, IdempotentConsumer inbox, JdbcTemplate jdbc, EntityManager entityManager,
            Pipelines pipelines, CardNumbers numbers, StageHistory history, EventPublisher events,
            DealsSettings settings) {
        this.incoming = incoming;
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.pipelines = pipelines;
        this.numbers = numbers;
        this.history = history;
        this.events = events;
        this.settings = settings;
    }

    @KafkaListener(id = CONSUMER, groupId = "${spring.application.name}." + CONSUMER, topics = Topics.TELEPHONY_CALL)
    void on(ConsumerRecord<String, byte[]> record) {
        incoming.read(record, HANDLED).ifPresent(event -> {
            if (event.data() instanceof CallMissed call && "INBOUND".equals(call.direction())) {
                inbox.handle(CONSUMER, event, e -> open(call));
            }
        });
    }

    private void open(CallMissed call) {
        UUID tenant = TenantContext.require();
        String phone = call.callerNumber() == null ? null
                : PhoneNumbers.e164(call.callerNumber(), settings.defaultRegion()).orElse(null);
        if (phone == null && call.contactId() == null) {
            return;
        }
        // two missed calls of one caller handled at once (two instances) still make one lead
        jdbc.queryForList("select pg_advisory_xact_lock(hashtextextended(?, 0))",
                tenant + "/missed-call/" + (call.contactId() != null ? call.contactId() : phone));
        Boolean open = jdbc.queryForObject("""
                select exists (select 1 from lead where tenant_id = ? and status = 'OPEN'
                    and (contact_id = ? or phone = ?))""", Boolean.class, tenant, call.contactId(), phone);
        if (Boolean.TRUE.equals(open)) {
            return;
        }
        PipelineStage stage = pipelines.place(PipelineKind.LEAD, null, null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Lead lead = new Lead(numbers.next(CardKind.LEAD), stage.pipelineId(), stage.id(), null, now);
        String detail = call.calledNumber() == null ? null : "→ " + call.calledNumber();
        lead.apply(new LeadState(null, null, call.contactId(), call.contactName(), phone, null, null, SOURCE, detail,
                null, null, call.userId(), null, null), phone, null, now);
        entityManager.persist(lead);
        entityManager.flush();
        history.record(CardKind.LEAD, lead.id(), stage.pipelineId(), null, stage.id(), null, now);
        events.publish(new LeadCreated(lead.id(), lead.number(), lead.pipelineId(), stage.ref(), lead.contactId(),
                lead.contactName(), lead.phone(), lead.email(), lead.companyId(), lead.ownerId(), lead.source(),
                lead.sourceDetail(), lead.campaignId(), lead.promotionId(), lead.createdAt(), lead.version()));
    }
}
