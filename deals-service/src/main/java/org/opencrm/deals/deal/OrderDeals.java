package org.opencrm.deals.deal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencrm.deals.pipeline.PipelineStage;
import org.opencrm.deals.pipeline.Pipelines;
import org.opencrm.platform.events.deals.DealUpdated;
import org.opencrm.platform.starter.events.EventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the shop integration and the customer saga do to deals besides the staff's edits: announce deals the
 * integration changed set-wise, set an order's payment, link deals to the contact found for their customer.
 * Each change raises {@code deal.updated}, in the caller's transaction, as a change through {@link Deals} does.
 */
@Service
public class OrderDeals {

    /** What the integration needs back of a deal. */
    public record Summary(UUID id, long number, UUID contactId, String paymentStatus, String paymentType) {
    }

    private final DealRepository deals;
    private final Pipelines pipelines;
    private final EventPublisher events;

    OrderDeals(DealRepository deals, Pipelines pipelines, EventPublisher events) {
        this.deals = deals;
        this.pipelines = pipelines;
        this.events = events;
    }

    /** Raises deal.updated for deals changed by SQL in this transaction (not loaded before it). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<UUID, Summary> announceUpdated(Collection<UUID> ids) {
        Map<UUID, Summary> summaries = new HashMap<>();
        Map<UUID, PipelineStage> stages = new HashMap<>();
        for (Deal deal : deals.findAllById(ids)) {
            events.publish(updated(deal, stages.computeIfAbsent(deal.stageId(), pipelines::stage)));
            summaries.put(deal.id(), summary(deal));
        }
        return summaries;
    }

    /** Sets the payment of the deal (a type left null keeps the one it has). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Summary pay(UUID id, PaymentStatus status, PaymentType type) {
        Deal deal = deals.findById(id).orElseThrow(() -> new IllegalStateException("No deal " + id));
        if (deal.paymentStatus() == status && (type == null || type == deal.paymentType())) {
            return summary(deal);
        }
        deal.apply(fields(deal, deal.contactId(), status, type == null ? deal.paymentType() : type), now());
        deals.flush();
        events.publish(updated(deal, pipelines.stage(deal.stageId())));
        return summary(deal);
    }

    /** Links the deals that have no contact yet to this one; the ids of those it linked. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> linkContact(Collection<UUID> ids, UUID contactId) {
        List<Deal> unlinked = deals.findAllById(ids).stream().filter(d -> d.contactId() == null).toList();
        Instant now = now();
        unlinked.forEach(deal -> deal.apply(fields(deal, contactId, deal.paymentStatus(), deal.paymentType()), now));
        deals.flush();
        Map<UUID, PipelineStage> stages = new HashMap<>();
        for (Deal deal : unlinked) {
            events.publish(updated(deal, stages.computeIfAbsent(deal.stageId(), pipelines::stage)));
        }
        return unlinked.stream().map(Deal::id).toList();
    }

    private static Deal.Fields fields(Deal d, UUID contactId, PaymentStatus status, PaymentType type) {
        return new Deal.Fields(d.title(), d.amount(), d.currency(), d.ownerId(), contactId, d.contactName(),
                d.companyId(), status, type, d.shopOrderId(), d.expectedCloseDate(), d.lostReason(), d.source(),
                d.sourceDetail(), d.campaignId(), d.promotionId(), d.promoCode(), d.comment(), d.lines());
    }

    private static Summary summary(Deal d) {
        return new Summary(d.id(), d.number(), d.contactId(), d.paymentStatus().name(),
                d.paymentType() == null ? null : d.paymentType().name());
    }

    private static DealUpdated updated(Deal d, PipelineStage stage) {
        return new DealUpdated(d.id(), d.number(), d.title(), d.amount(), d.currency(), d.contactId(), d.contactName(),
                d.companyId(), d.leadId(), d.ownerId(), d.pipelineId(), stage.ref(), d.status().name(),
                d.paymentStatus().name(), d.paymentType() == null ? null : d.paymentType().name(), d.shopOrderId(),
                d.source(), d.sourceDetail(), d.campaignId(), d.promotionId(), d.promoCode(), d.expectedCloseDate(),
                d.lostReason(), d.updatedAt(), d.version());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
