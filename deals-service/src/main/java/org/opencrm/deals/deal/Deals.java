package org.opencrm.deals.deal;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.opencrm.deals.access.Access;
import org.opencrm.deals.attribution.Attribution;
import org.opencrm.deals.card.CardConflictException;
import org.opencrm.deals.card.CardDependents;
import org.opencrm.deals.card.CardKind;
import org.opencrm.deals.card.CardLoss;
import org.opencrm.deals.card.CardMove;
import org.opencrm.deals.card.CardRef;
import org.opencrm.deals.card.Cards;
import org.opencrm.deals.config.DealsSettings;
import org.opencrm.deals.history.StageHistory;
import org.opencrm.deals.money.Currencies;
import org.opencrm.deals.numbering.CardNumbers;
import org.opencrm.deals.pipeline.Outcome;
import org.opencrm.deals.pipeline.PipelineKind;
import org.opencrm.deals.pipeline.PipelineStage;
import org.opencrm.deals.pipeline.Pipelines;
import org.opencrm.deals.pipeline.StageOccupancy;
import org.opencrm.deals.product.Products;
import org.opencrm.platform.events.deals.DealCreated;
import org.opencrm.platform.events.deals.DealDeleted;
import org.opencrm.platform.events.deals.DealLost;
import org.opencrm.platform.events.deals.DealStageChanged;
import org.opencrm.platform.events.deals.DealUpdated;
import org.opencrm.platform.events.deals.DealWon;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.MergePatch;
import org.opencrm.platform.starter.web.NotFoundException;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Deals: open one (by hand, or from a converted lead), read, change, move it through its pipeline, lose it,
 * delete one opened by mistake. Each change commits with its event and its stage history, and only within what
 * the user's role lets them see; a deal they may not see is 404. The status follows the stage: reaching the
 * won stage wins the deal, a lost stage loses it (with a reason), an open stage reopens it.
 * <p>
 * A deletion removes the row, with its lines, stage history and comments, in one transaction with
 * {@code deal.deleted}, rather than marking it deleted: the board, the list and its export, the campaign and
 * promo code counts, the marketing calendar and the stage checks all read the deal table directly, and a
 * mistake should count nowhere; nothing of it is needed afterwards (analytics and the contact timeline keep
 * their own account from the events). What must outlive it refuses the deletion instead (409): a shop order's
 * deal is the shop's (lose it), and a contract that names the deal keeps its link until it is changed. The lead
 * the deal came from stays converted and no longer names it.
 */
@Service
public class Deals implements Cards, StageOccupancy, CardDependents {

    /** What a converted lead hands to its new deal. */
    public record FromLead(UUID leadId, UUID pipelineId, String title, BigDecimal amount, String currency,
            UUID contactId, String contactName, UUID companyId, UUID ownerId, String source, String sourceDetail,
            UUID campaignId, UUID promotionId, String comment) {
    }

    private final DealRepository deals;
    private final Pipelines pipelines;
    private final Products products;
    private final StageHistory history;
    private final CardNumbers numbers;
    private final Access access;
    private final EventPublisher events;
    private final MergePatch mergePatch;
    private final EntityManager entityManager;
    private final DealsSettings settings;
    private final Attribution attribution;
    private final ObjectProvider<CardDependents> dependents;

    Deals(DealRepository deals, Pipelines pipelines, Products products, StageHistory history, CardNumbers numbers,
            Access access, EventPublisher events, MergePatch mergePatch, EntityManager entityManager,
            DealsSettings settings, Attribution attribution, ObjectProvider<CardDependents> dependents) {
        this.deals = deals;
        this.pipelines = pipelines;
        this.products = products;
        this.history = history;
        this.numbers = numbers;
        this.access = access;
        this.events = events;
        this.mergePatch = mergePatch;
        this.entityManager = entityManager;
        this.settings = settings;
        this.attribution = attribution;
        this.dependents = dependents;
    }

    @Transactional
    public DealView create(DealState state) {
        Visibility visibility = access.visibility();
        visibility.requireWrite();
        UUID owner = state.ownerId() == null ? visibility.user().userId() : state.ownerId();
        access.requireOwner(visibility, owner, "ownerId");
        attribution.requireKnown(state.campaignId(), state.promotionId());
        attribution.requireUsablePromoCode(state.promoCode());
        PipelineStage stage = pipelines.place(PipelineKind.DEAL, state.pipelineId(), state.stageId());
        String lostReason = lostReason(stage, state.lostReason());
        String currency = Currencies.code(state.currency(), settings.defaultCurrency(), "currency");
        List<DealLine> lines = lines(state.linesOrEmpty(), currency);
        Instant now = now();
        Deal deal = new Deal(numbers.next(CardKind.DEAL), null, visibility.user().userId(), now);
        deal.moveTo(stage.pipelineId(), stage.id(), status(stage), lostReason, now);
        deal.apply(fields(state, owner, currency, lines, lostReason), now);
        open(deal, stage, visibility.user().userId(), now);
        return DealView.of(deal);
    }

    /** A deal for a lead being converted, in the caller's transaction (the lead's conversion). */
    @Transactional(propagation = Propagation.MANDATORY)
    public DealView openFromLead(FromLead lead) {
        PipelineStage stage = pipelines.place(PipelineKind.DEAL, lead.pipelineId(), null);
        String currency = Currencies.code(lead.currency(), settings.defaultCurrency(), "currency");
        BigDecimal amount = lead.amount() == null ? BigDecimal.ZERO : lead.amount();
        UUID by = access.visibility().user().userId();
        Instant now = now();
        Deal deal = new Deal(numbers.next(CardKind.DEAL), lead.leadId(), by, now);
        deal.moveTo(stage.pipelineId(), stage.id(), DealStatus.OPEN, null, now);
        deal.apply(new Deal.Fields(blankToNull(lead.title()), amount.setScale(2, RoundingMode.HALF_UP), currency,
                lead.ownerId(), lead.contactId(), lead.contactName(), lead.companyId(), PaymentStatus.NOT_PAID, null,
                null, null, null, lead.source(), lead.sourceDetail(), lead.campaignId(), lead.promotionId(), null,
                lead.comment(), List.of()), now);
        open(deal, stage, by, now);
        return DealView.of(deal);
    }

    private void open(Deal deal, PipelineStage stage, UUID by, Instant now) {
        entityManager.persist(deal);
        flush();
        history.record(CardKind.DEAL, deal.id(), stage.pipelineId(), null, stage.id(), by, now);
        events.publish(created(deal, stage));
        closed(deal, stage, now);
    }

    @Transactional(readOnly = true)
    public DealView get(UUID id) {
        return DealView.of(visibleDeal(id, access.visibility()));
    }

    /** Applies a JSON merge patch (RFC 7396) to the deal: fields left out stay, null clears. */
    @Transactional
    public DealView patch(UUID id, JsonNode patch) {
        Visibility visibility = access.visibility();
        Deal deal = changeable(id, visibility);
        DealState state = mergePatch.apply(toState(deal), patch, DealState.class);
        if (state.version() != null && state.version() != deal.version()) {
            throw new OptimisticLockingFailureException("The deal was changed by someone else; reload it.");
        }
        if (!Objects.equals(state.pipelineId(), deal.pipelineId()) || !Objects.equals(state.stageId(), deal.stageId())) {
            String field = !Objects.equals(state.stageId(), deal.stageId()) ? "stageId" : "pipelineId";
            throw InvalidFieldsException.of(field, "changes by moving the deal (POST /api/deals/deals/{id}/move)");
        }
        if (!Objects.equals(state.ownerId(), deal.ownerId())) {
            access.requireOwner(visibility, state.ownerId(), "ownerId");
        }
        attribution.requireKnown(Objects.equals(state.campaignId(), deal.campaignId()) ? null : state.campaignId(),
                Objects.equals(state.promotionId(), deal.promotionId()) ? null : state.promotionId());
        if (state.promoCode() != null && !state.promoCode().strip().equalsIgnoreCase(
                deal.promoCode() == null ? "" : deal.promoCode())) {
            attribution.requireUsablePromoCode(state.promoCode());
        }
        if (state.lostReason() != null && deal.status() != DealStatus.LOST) {
            throw InvalidFieldsException.of("lostReason", "belongs to a lost deal only");
        }
        if (deal.status() == DealStatus.LOST && (state.lostReason() == null || state.lostReason().isBlank())) {
            throw InvalidFieldsException.of("lostReason", "must not be blank: the deal is lost");
        }
        String currency = Currencies.code(state.currency(), deal.currency(), "currency");
        deal.apply(fields(state, state.ownerId(), currency, lines(state.linesOrEmpty(), currency), state.lostReason()),
                now());
        flush();
        events.publish(updated(deal, pipelines.stage(deal.stageId())));
        return DealView.of(deal);
    }

    /** Moves the deal to another stage (the board's drag and drop). */
    @Transactional
    public DealView move(UUID id, CardMove move) {
        Visibility visibility = access.visibility();
        Deal deal = changeable(id, visibility);
        requireVersion(deal, move.version());
        PipelineStage target = pipelines.target(PipelineKind.DEAL, deal.pipelineId(), move.pipelineId(), move.stageId());
        return moveTo(deal, target, lostReason(target, move.lostReason()), visibility);
    }

    /** Gives the deal up: to the lost stage named, or its pipeline's first lost stage. */
    @Transactional
    public DealView lose(UUID id, CardLoss loss) {
        Visibility visibility = access.visibility();
        Deal deal = changeable(id, visibility);
        if (loss.version() != null) {
            requireVersion(deal, loss.version());
        }
        PipelineStage target = loss.stageId() == null
                ? pipelines.firstOf(deal.pipelineId(), Outcome.LOST).orElseThrow()
                : pipelines.target(PipelineKind.DEAL, deal.pipelineId(), null, loss.stageId());
        if (target.outcome() != Outcome.LOST) {
            throw InvalidFieldsException.of("stageId", "is not a lost stage");
        }
        return moveTo(deal, target, loss.reason().strip(), visibility);
    }

    private DealView moveTo(Deal deal, PipelineStage target, String lostReason, Visibility visibility) {
        if (target.id().equals(deal.stageId()) && Objects.equals(lostReason, deal.lostReason())) {
            return DealView.of(deal);
        }
        PipelineStage from = pipelines.stage(deal.stageId());
        Instant now = now();
        deal.moveTo(target.pipelineId(), target.id(), status(target), lostReason, now);
        flush();
        UUID by = visibility.user().userId();
        history.record(CardKind.DEAL, deal.id(), target.pipelineId(), from.id(), target.id(), by, now);
        if (!from.id().equals(target.id())) {
            events.publish(stageChanged(deal, from, target, by, now));
        }
        closed(deal, target, now);
        return DealView.of(deal);
    }

    /**
     * Deletes the deal (see the class comment): 409 if {@code version} is given and not the deal's current one,
     * for a shop order's deal, and while a contract names it; nothing changes then.
     */
    @Transactional
    public void delete(UUID id, Long version) {
        Visibility visibility = access.visibility();
        Deal deal = changeable(id, visibility);
        if (version != null) {
            requireVersion(deal, version);
        }
        if (deals.isShopOrder(deal.id())) {
            throw new CardConflictException("Deal #" + deal.number() + " is the shop's order"
                    + (deal.shopOrderId() == null ? "" : " " + deal.shopOrderId())
                    + ": the shop owns it, so it cannot be deleted; move it to a lost stage instead.");
        }
        PipelineStage stage = pipelines.stage(deal.stageId());
        dependents.orderedStream().forEach(dependent -> dependent.cardDeleted(CardKind.DEAL, deal.id()));
        deals.delete(deal);
        try {
            deals.flush();
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMostSpecificCause().getMessage()).contains("contract_deal_id_fkey")) {
                throw new CardConflictException("A contract names deal #" + deal.number()
                        + "; take the deal off the contract before deleting it.");
            }
            throw e;
        }
        events.publish(new DealDeleted(deal.id(), deal.number(), deal.title(), deal.amount(), deal.currency(),
                deal.contactId(), deal.companyId(), deal.ownerId(), deal.pipelineId(), stage.ref(),
                deal.status().name(), deal.leadId(), deal.source(), deal.campaignId(), deal.promotionId(),
                visibility.user().userId(), now(), deal.version()));
    }

    /** The lead this deal came from is being deleted: the deal stays, no longer naming it (deal.updated). */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void cardDeleted(CardKind kind, UUID cardId) {
        if (kind != CardKind.LEAD) {
            return;
        }
        deals.ofLead(cardId).ifPresent(deal -> {
            deal.forgetLead(now());
            flush();
            events.publish(updated(deal, pipelines.stage(deal.stageId())));
        });
    }

    /** A deal that reached a won or lost stage is announced as won or lost. */
    private void closed(Deal deal, PipelineStage stage, Instant now) {
        if (stage.outcome() == Outcome.WON) {
            events.publish(new DealWon(deal.id(), deal.number(), deal.title(), deal.amount(), deal.currency(),
                    deal.contactId(), deal.companyId(), deal.ownerId(), deal.pipelineId(), stage.ref(), deal.leadId(),
                    deal.source(), deal.campaignId(), deal.promotionId(), now, deal.version()));
        } else if (stage.outcome() == Outcome.LOST) {
            events.publish(new DealLost(deal.id(), deal.number(), deal.title(), deal.amount(), deal.currency(),
                    deal.contactId(), deal.companyId(), deal.ownerId(), deal.pipelineId(), stage.ref(),
                    deal.lostReason(), deal.leadId(), deal.source(), deal.campaignId(), deal.promotionId(), now,
                    deal.version()));
        }
    }

    @Override
    public CardKind kind() {
        return CardKind.DEAL;
    }

    @Override
    @Transactional(readOnly = true)
    public CardRef visible(UUID id, Visibility visibility) {
        Deal deal = visibleDeal(id, visibility);
        return new CardRef(CardKind.DEAL, deal.id(), deal.ownerId());
    }

    @Override
    public PipelineKind pipelineKind() {
        return PipelineKind.DEAL;
    }

    @Override
    public long cardsIn(UUID stageId) {
        return deals.countInStage(stageId);
    }

    @Override
    public long cardsInPipeline(UUID pipelineId) {
        return deals.countInPipeline(pipelineId);
    }

    @Override
    public void moveAll(PipelineStage from, PipelineStage to, UUID by, Instant at) {
        List<UUID> moved = new ArrayList<>();
        for (Deal deal : deals.inStage(from.id())) {
            deal.moveTo(to.pipelineId(), to.id(), deal.status(), deal.lostReason(), at);
            moved.add(deal.id());
        }
        flush();
        history.recordAll(CardKind.DEAL, moved, to.pipelineId(), from.id(), to.id(), by, at);
        for (Deal deal : deals.findAllById(moved)) {
            events.publish(stageChanged(deal, from, to, by, at));
        }
    }

    private Deal changeable(UUID id, Visibility visibility) {
        Deal deal = visibleDeal(id, visibility);
        if (!visibility.mayChange(deal.ownerId())) {
            throw new AccessDeniedException("Your role reads deals but does not change them.");
        }
        return deal;
    }

    private Deal visibleDeal(UUID id, Visibility visibility) {
        return deals.findById(id).filter(deal -> visibility.sees(deal.ownerId()))
                .orElseThrow(() -> new NotFoundException("Deal", id));
    }

    private static void requireVersion(Deal deal, long version) {
        if (version != deal.version()) {
            throw new OptimisticLockingFailureException("The deal was changed by someone else; reload it.");
        }
    }

    /** The reason a deal entering this stage keeps: required for a lost stage, none otherwise. */
    private static String lostReason(PipelineStage stage, String reason) {
        if (stage.outcome() != Outcome.LOST) {
            return null;
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidFieldsException.of("lostReason", "must not be blank: the stage is a lost one");
        }
        return reason.strip();
    }

    private static DealStatus status(PipelineStage stage) {
        return switch (stage.outcome()) {
            case OPEN -> DealStatus.OPEN;
            case WON -> DealStatus.WON;
            case LOST -> DealStatus.LOST;
        };
    }

    /** The lines as the deal keeps them; 400 naming each line whose product the company does not have. */
    private List<DealLine> lines(List<DealState.Line> input, String currency) {
        if (input.isEmpty()) {
            return List.of();
        }
        Map<UUID, Products.View> found = products.find(input.stream().map(DealState.Line::productId).toList());
        List<FieldProblem> problems = new ArrayList<>();
        List<DealLine> lines = new ArrayList<>();
        UUID tenant = TenantContext.require();
        for (int i = 0; i < input.size(); i++) {
            DealState.Line line = input.get(i);
            Products.View product = found.get(line.productId());
            if (product == null) {
                problems.add(new FieldProblem("lines[" + i + "].productId", "is not a product of the company"));
                continue;
            }
            BigDecimal price = line.unitPrice();
            if (price == null) {
                if (!product.currency().equals(currency)) {
                    problems.add(new FieldProblem("lines[" + i + "].unitPrice", "is required: the product is priced in "
                            + product.currency() + ", the deal in " + currency));
                    continue;
                }
                price = product.price();
            }
            String name = line.name() == null || line.name().isBlank() ? product.name() : line.name().strip();
            lines.add(new DealLine(tenant, product.id(), name, line.quantity(), price.setScale(2, RoundingMode.HALF_UP),
                    line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return lines;
    }

    private static Deal.Fields fields(DealState s, UUID owner, String currency, List<DealLine> lines,
            String lostReason) {
        BigDecimal amount = !lines.isEmpty() ? LineTotals.sum(lines.stream().map(DealLine::lineTotal).toList())
                : (s.amount() == null ? BigDecimal.ZERO : s.amount()).setScale(2, RoundingMode.HALF_UP);
        return new Deal.Fields(blankToNull(s.title()), amount, currency, owner, s.contactId(),
                blankToNull(s.contactName()), s.companyId(),
                s.paymentStatus() == null ? PaymentStatus.NOT_PAID : s.paymentStatus(), s.paymentType(),
                blankToNull(s.shopOrderId()), s.expectedCloseDate(), lostReason == null ? null : lostReason.strip(),
                blankToNull(s.source()), blankToNull(s.sourceDetail()), s.campaignId(), s.promotionId(),
                blankToNull(s.promoCode()), blankToNull(s.comment()), lines);
    }

    private static DealState toState(Deal d) {
        return new DealState(d.title(), d.amount(), d.currency(), d.pipelineId(), d.stageId(), d.ownerId(),
                d.contactId(), d.contactName(), d.companyId(), d.paymentStatus(), d.paymentType(), d.shopOrderId(),
                d.expectedCloseDate(), d.lostReason(), d.source(), d.sourceDetail(), d.campaignId(), d.promotionId(),
                d.promoCode(), d.comment(), d.lines().stream().map(l -> new DealState.Line(l.productId(), l.name(),
                        l.quantity(), l.unitPrice(), l.discountPercent())).toList(), d.version());
    }

    /** Writes the deal now; a second deal of the same shop order or of the same lead is a conflict that says so. */
    private void flush() {
        try {
            deals.flush();
        } catch (DataIntegrityViolationException e) {
            String cause = String.valueOf(e.getMostSpecificCause().getMessage());
            if (cause.contains("deal_tenant_shop_order_uq")) {
                throw new CardConflictException("Another deal holds this shop order (shopOrderId).");
            }
            if (cause.contains("deal_tenant_lead_uq")) {
                throw new CardConflictException("The lead was converted into a deal already.");
            }
            throw e;
        }
    }

    private static DealCreated created(Deal d, PipelineStage stage) {
        return new DealCreated(d.id(), d.number(), d.title(), d.amount(), d.currency(), d.contactId(), d.contactName(),
                d.companyId(), d.leadId(), d.ownerId(), d.pipelineId(), stage.ref(), d.status().name(),
                d.paymentStatus().name(), d.paymentType() == null ? null : d.paymentType().name(), d.shopOrderId(),
                d.source(), d.sourceDetail(), d.campaignId(), d.promotionId(), d.promoCode(), d.expectedCloseDate(),
                d.createdAt(), d.version());
    }

    private static DealUpdated updated(Deal d, PipelineStage stage) {
        return new DealUpdated(d.id(), d.number(), d.title(), d.amount(), d.currency(), d.contactId(), d.contactName(),
                d.companyId(), d.leadId(), d.ownerId(), d.pipelineId(), stage.ref(), d.status().name(),
                d.paymentStatus().name(), d.paymentType() == null ? null : d.paymentType().name(), d.shopOrderId(),
                d.source(), d.sourceDetail(), d.campaignId(), d.promotionId(), d.promoCode(), d.expectedCloseDate(),
                d.lostReason(), d.updatedAt(), d.version());
    }

    private static DealStageChanged stageChanged(Deal d, PipelineStage from, PipelineStage to, UUID by, Instant at) {
        return new DealStageChanged(d.id(), d.number(), d.title(), d.amount(), d.currency(), d.contactId(),
                d.companyId(), d.ownerId(), d.pipelineId(), from.ref(), to.ref(), to.outcome().name(),
                d.status().name(), by, at, d.version());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
