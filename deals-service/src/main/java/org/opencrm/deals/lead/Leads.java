package org.opencrm.deals.lead;

import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
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
import org.opencrm.deals.deal.DealView;
import org.opencrm.deals.deal.Deals;
import org.opencrm.deals.history.StageHistory;
import org.opencrm.deals.numbering.CardNumbers;
import org.opencrm.deals.pipeline.Outcome;
import org.opencrm.deals.pipeline.PipelineKind;
import org.opencrm.deals.pipeline.PipelineStage;
import org.opencrm.deals.pipeline.Pipelines;
import org.opencrm.deals.pipeline.StageOccupancy;
import org.opencrm.platform.events.deals.LeadConverted;
import org.opencrm.platform.events.deals.LeadCreated;
import org.opencrm.platform.events.deals.LeadDeleted;
import org.opencrm.platform.events.deals.LeadLost;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.MergePatch;
import org.opencrm.platform.starter.web.NotFoundException;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Leads: take one in, read, change, move it through its pipeline, lose it, convert it into a deal, delete one
 * taken in by mistake. Each change commits with its event and its stage history, and only within what the
 * user's role lets them see; a lead they may not see is 404. A lead reaches its pipeline's won stage only by
 * being converted, once.
 * <p>
 * A deletion removes the row, with its stage history and comments, in one transaction with {@code lead.deleted},
 * rather than marking it deleted: the board, the list and its export, the campaign and promotion counts and the
 * stage checks all read the lead table directly, and a mistake should count nowhere; nothing of it is needed
 * afterwards (analytics and the contact timeline keep their own account from the events). A converted lead may
 * go too: the deal it became stays and stops naming it (deal.lead_id's foreign key would refuse otherwise).
 */
@Service
public class Leads implements Cards, StageOccupancy, CardDependents {

    /** The shape an e-mail address must have; the rest is the mail server's business. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** A conversion: the deal pipeline (the company's first by default), and the deal's title and amount. */
    public record Conversion(UUID pipelineId, @Size(max = 200) String title,
            @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal amount, @Size(max = 3) String currency,
            Long version) {
    }

    private final LeadRepository leads;
    private final Pipelines pipelines;
    private final Deals deals;
    private final StageHistory history;
    private final CardNumbers numbers;
    private final Access access;
    private final EventPublisher events;
    private final MergePatch mergePatch;
    private final EntityManager entityManager;
    private final DealsSettings settings;
    private final Attribution attribution;
    private final ObjectProvider<CardDependents> dependents;

    Leads(LeadRepository leads, Pipelines pipelines, Deals deals, StageHistory history, CardNumbers numbers,
            Access access, EventPublisher events, MergePatch mergePatch, EntityManager entityManager,
            DealsSettings settings, Attribution attribution, ObjectProvider<CardDependents> dependents) {
        this.leads = leads;
        this.pipelines = pipelines;
        this.deals = deals;
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
    public LeadView create(LeadState state) {
        Visibility visibility = access.visibility();
        visibility.requireWrite();
        UUID owner = state.ownerId() == null ? visibility.user().userId() : state.ownerId();
        access.requireOwner(visibility, owner, "ownerId");
        Contact contact = contact(state);
        attribution.requireKnown(state.campaignId(), state.promotionId());
        PipelineStage stage = pipelines.place(PipelineKind.LEAD, state.pipelineId(), state.stageId());
        if (stage.outcome() != Outcome.OPEN) {
            throw InvalidFieldsException.of("stageId", "is a closed stage; a new lead starts in an open one");
        }
        Instant now = now();
        Lead lead = new Lead(numbers.next(CardKind.LEAD), stage.pipelineId(), stage.id(), visibility.user().userId(), now);
        lead.apply(withOwner(state, owner), contact.phone(), contact.email(), now);
        entityManager.persist(lead);
        leads.flush();
        history.record(CardKind.LEAD, lead.id(), stage.pipelineId(), null, stage.id(), visibility.user().userId(), now);
        events.publish(new LeadCreated(lead.id(), lead.number(), lead.pipelineId(), stage.ref(), lead.contactId(),
                lead.contactName(), lead.phone(), lead.email(), lead.companyId(), lead.ownerId(), lead.source(),
                lead.sourceDetail(), lead.campaignId(), lead.promotionId(), lead.createdAt(), lead.version()));
        return LeadView.of(lead);
    }

    @Transactional(readOnly = true)
    public LeadView get(UUID id) {
        return LeadView.of(visibleLead(id, access.visibility()));
    }

    /** Applies a JSON merge patch (RFC 7396) to the lead: fields left out stay, null clears. */
    @Transactional
    public LeadView patch(UUID id, JsonNode patch) {
        Visibility visibility = access.visibility();
        Lead lead = changeable(id, visibility);
        LeadState state = mergePatch.apply(toState(lead), patch, LeadState.class);
        if (state.version() != null && state.version() != lead.version()) {
            throw new OptimisticLockingFailureException("The lead was changed by someone else; reload it.");
        }
        if (!Objects.equals(state.pipelineId(), lead.pipelineId()) || !Objects.equals(state.stageId(), lead.stageId())) {
            String field = !Objects.equals(state.stageId(), lead.stageId()) ? "stageId" : "pipelineId";
            throw InvalidFieldsException.of(field, "changes by moving the lead (POST /api/deals/leads/{id}/move)");
        }
        if (!Objects.equals(state.ownerId(), lead.ownerId())) {
            access.requireOwner(visibility, state.ownerId(), "ownerId");
        }
        Contact contact = contact(state);
        attribution.requireKnown(Objects.equals(state.campaignId(), lead.campaignId()) ? null : state.campaignId(),
                Objects.equals(state.promotionId(), lead.promotionId()) ? null : state.promotionId());
        lead.apply(state, contact.phone(), contact.email(), now());
        leads.flush();
        return LeadView.of(lead);
    }

    /** Moves the lead to another stage (the board's drag and drop); its won stage is reached by converting it. */
    @Transactional
    public LeadView move(UUID id, CardMove move) {
        Visibility visibility = access.visibility();
        Lead lead = changeable(id, visibility);
        requireVersion(lead, move.version());
        requireNotConverted(lead);
        PipelineStage target = pipelines.target(PipelineKind.LEAD, lead.pipelineId(), move.pipelineId(), move.stageId());
        if (target.outcome() == Outcome.WON) {
            throw InvalidFieldsException.of("stageId", "is the won stage, which a lead reaches by being converted "
                    + "(POST /api/deals/leads/{id}/convert)");
        }
        String reason = null;
        if (target.outcome() == Outcome.LOST) {
            if (move.lostReason() == null || move.lostReason().isBlank()) {
                throw InvalidFieldsException.of("lostReason", "must not be blank: the stage is a lost one");
            }
            reason = move.lostReason().strip();
        }
        return moveTo(lead, target, reason, visibility);
    }

    /** Gives the lead up: to the lost stage named, or its pipeline's first lost stage. */
    @Transactional
    public LeadView lose(UUID id, CardLoss loss) {
        Visibility visibility = access.visibility();
        Lead lead = changeable(id, visibility);
        if (loss.version() != null) {
            requireVersion(lead, loss.version());
        }
        requireNotConverted(lead);
        PipelineStage target = loss.stageId() == null
                ? pipelines.firstOf(lead.pipelineId(), Outcome.LOST).orElseThrow()
                : pipelines.target(PipelineKind.LEAD, lead.pipelineId(), null, loss.stageId());
        if (target.outcome() != Outcome.LOST) {
            throw InvalidFieldsException.of("stageId", "is not a lost stage");
        }
        return moveTo(lead, target, loss.reason().strip(), visibility);
    }

    private LeadView moveTo(Lead lead, PipelineStage target, String lostReason, Visibility visibility) {
        if (target.id().equals(lead.stageId()) && Objects.equals(lostReason, lead.lostReason())) {
            return LeadView.of(lead);
        }
        UUID from = lead.stageId();
        Instant now = now();
        lead.moveTo(target.pipelineId(), target.id(), target.outcome() == Outcome.LOST ? LeadStatus.LOST
                : LeadStatus.OPEN, lostReason, now);
        leads.flush();
        history.record(CardKind.LEAD, lead.id(), target.pipelineId(), from, target.id(), visibility.user().userId(), now);
        if (target.outcome() == Outcome.LOST) {
            events.publish(new LeadLost(lead.id(), lead.number(), lead.contactId(), lead.contactName(),
                    lead.companyId(), lead.ownerId(), lead.pipelineId(), target.ref(), lostReason, lead.source(),
                    lead.sourceDetail(), lead.campaignId(), lead.promotionId(), now, lead.version()));
        }
        return LeadView.of(lead);
    }

    /**
     * Turns the lead into a deal (`003_*`: a lead becomes an active client): the deal takes the lead's client,
     * owner and attribution, the lead moves to its pipeline's won stage. A lead is converted once (409 the
     * second time, and for a lost lead).
     */
    @Transactional
    public DealView convert(UUID id, Conversion conversion) {
        Visibility visibility = access.visibility();
        Lead lead = changeable(id, visibility);
        if (conversion.version() != null) {
            requireVersion(lead, conversion.version());
        }
        requireNotConverted(lead);
        if (lead.status() == LeadStatus.LOST) {
            throw new CardConflictException("Lead #" + lead.number() + " is lost; move it to an open stage first.");
        }
        PipelineStage won = pipelines.firstOf(lead.pipelineId(), Outcome.WON).orElseThrow();
        DealView deal = deals.openFromLead(new Deals.FromLead(lead.id(), conversion.pipelineId(), conversion.title(),
                conversion.amount(), conversion.currency(), lead.contactId(), lead.contactName(), lead.companyId(),
                lead.ownerId(), lead.source(), lead.sourceDetail(), lead.campaignId(), lead.promotionId(),
                lead.comment()));
        UUID from = lead.stageId();
        Instant now = now();
        lead.convert(deal.id(), won.id(), now);
        leads.flush();
        history.record(CardKind.LEAD, lead.id(), lead.pipelineId(), from, won.id(), visibility.user().userId(), now);
        events.publish(new LeadConverted(lead.id(), lead.number(), deal.id(), deal.number(), deal.title(),
                deal.amount(), deal.currency(), lead.contactId(), lead.contactName(), lead.phone(), lead.email(),
                lead.companyId(), lead.ownerId(), lead.pipelineId(), won.ref(), lead.source(), lead.sourceDetail(),
                lead.campaignId(), lead.promotionId(), now, lead.version()));
        return deal;
    }

    /** Deletes the lead (see the class comment): 409 if {@code version} is given and not its current one. */
    @Transactional
    public void delete(UUID id, Long version) {
        Visibility visibility = access.visibility();
        Lead lead = changeable(id, visibility);
        if (version != null) {
            requireVersion(lead, version);
        }
        PipelineStage stage = pipelines.stage(lead.stageId());
        dependents.orderedStream().forEach(dependent -> dependent.cardDeleted(CardKind.LEAD, lead.id()));
        leads.delete(lead);
        leads.flush();
        events.publish(new LeadDeleted(lead.id(), lead.number(), lead.contactId(), lead.companyId(), lead.ownerId(),
                lead.pipelineId(), stage.ref(), lead.status().name(), lead.dealId(), lead.source(), lead.campaignId(),
                lead.promotionId(), visibility.user().userId(), now(), lead.version()));
    }

    /** The deal this lead became is being deleted: the lead stays converted, no longer naming it. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void cardDeleted(CardKind kind, UUID cardId) {
        if (kind != CardKind.DEAL) {
            return;
        }
        leads.ofDeal(cardId).ifPresent(lead -> {
            lead.forgetDeal(now());
            leads.flush();
        });
    }

    @Override
    public CardKind kind() {
        return CardKind.LEAD;
    }

    @Override
    @Transactional(readOnly = true)
    public CardRef visible(UUID id, Visibility visibility) {
        Lead lead = visibleLead(id, visibility);
        return new CardRef(CardKind.LEAD, lead.id(), lead.ownerId());
    }

    @Override
    public PipelineKind pipelineKind() {
        return PipelineKind.LEAD;
    }

    @Override
    public long cardsIn(UUID stageId) {
        return leads.countInStage(stageId);
    }

    @Override
    public long cardsInPipeline(UUID pipelineId) {
        return leads.countInPipeline(pipelineId);
    }

    @Override
    public void moveAll(PipelineStage from, PipelineStage to, UUID by, Instant at) {
        List<UUID> moved = new ArrayList<>();
        for (Lead lead : leads.inStage(from.id())) {
            lead.moveTo(to.pipelineId(), to.id(), lead.status(), lead.lostReason(), at);
            moved.add(lead.id());
        }
        leads.flush();
        history.recordAll(CardKind.LEAD, moved, to.pipelineId(), from.id(), to.id(), by, at);
    }

    private Lead changeable(UUID id, Visibility visibility) {
        Lead lead = visibleLead(id, visibility);
        if (!visibility.mayChange(lead.ownerId())) {
            throw new AccessDeniedException("Your role reads leads but does not change them.");
        }
        return lead;
    }

    private Lead visibleLead(UUID id, Visibility visibility) {
        return leads.findById(id).filter(lead -> visibility.sees(lead.ownerId()))
                .orElseThrow(() -> new NotFoundException("Lead", id));
    }

    private static void requireVersion(Lead lead, long version) {
        if (version != lead.version()) {
            throw new OptimisticLockingFailureException("The lead was changed by someone else; reload it.");
        }
    }

    private static void requireNotConverted(Lead lead) {
        if (lead.status() == LeadStatus.CONVERTED) {
            throw new CardConflictException("Lead #" + lead.number() + " was converted into a deal already.");
        }
    }

    private record Contact(String phone, String email) {
    }

    /** The lead's phone (E.164) and e-mail (lower case); 400 naming each that is not one. It must name someone. */
    private Contact contact(LeadState state) {
        List<FieldProblem> problems = new ArrayList<>();
        String phone = null;
        if (state.phone() != null && !state.phone().isBlank()) {
            phone = PhoneNumbers.e164(state.phone().strip(), settings.defaultRegion()).orElse(null);
            if (phone == null) {
                problems.add(new FieldProblem("phone", "is not a valid phone number"));
            }
        }
        String email = null;
        if (state.email() != null && !state.email().isBlank()) {
            email = state.email().strip().toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(email).matches()) {
                problems.add(new FieldProblem("email", "is not a valid e-mail address"));
            }
        }
        if (state.contactId() == null && blank(state.contactName()) && blank(state.phone()) && blank(state.email())) {
            problems.add(new FieldProblem("contactName", "is required without a contact, a phone or an e-mail"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return new Contact(phone, email);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static LeadState withOwner(LeadState s, UUID owner) {
        return new LeadState(s.pipelineId(), s.stageId(), s.contactId(), s.contactName(), s.phone(), s.email(),
                s.companyId(), s.source(), s.sourceDetail(), s.campaignId(), s.promotionId(), owner, s.comment(),
                s.version());
    }

    private static LeadState toState(Lead l) {
        return new LeadState(l.pipelineId(), l.stageId(), l.contactId(), l.contactName(), l.phone(), l.email(),
                l.companyId(), l.source(), l.sourceDetail(), l.campaignId(), l.promotionId(), l.ownerId(), l.comment(),
                l.version());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
