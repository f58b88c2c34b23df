package org.opencrm.telephony.call;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.opencrm.platform.events.telephony.CallerCard;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.telephony.call.CallEvent.Direction;
import org.opencrm.telephony.callers.Callers;
import org.opencrm.telephony.callers.Callers.Recognition;
import org.opencrm.telephony.config.TelephonyProperties;
import org.opencrm.telephony.extension.Extensions;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes the exchange's call events in: each fact once (its dedupe key), merged into its call under a lock of
 * that call, so that repeats and reordering leave the call right; matches the caller to the company's contacts
 * and the extension to a user; raises the call's events. Also logs the calls users originate (click to call).
 */
@Service
public class CallLifecycle {

    /** What an exchange event did: the call it belongs to and where that call stands. */
    public record Applied(UUID callId, String state, boolean duplicate) {
    }

    private final CallRepository calls;
    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;
    private final Callers callers;
    private final Extensions extensions;
    private final CallNotices notices;
    private final TelephonyProperties properties;

    CallLifecycle(CallRepository calls, EntityManager entityManager, JdbcTemplate jdbc, Callers callers, Extensions extensions, CallNotices notices,
            TelephonyProperties properties) {
        this.calls = calls;
        this.entityManager = entityManager;
        this.jdbc = jdbc;
        this.callers = callers;
        this.extensions = extensions;
        this.notices = notices;
        this.properties = properties;
    }

    /** Applies the events of one webhook request together: all of them are stored, or none. */
    @Transactional
    public List<Applied> apply(List<CallEvent> events) {
        List<Applied> applied = new ArrayList<>();
        for (CallEvent event : events) {
            applied.add(apply(event));
        }
        return applied;
    }

    private Applied apply(CallEvent event) {
        UUID tenant = TenantContext.require();
        lock(tenant, event.exchangeCallId());
        Call call = calls.findByExchangeCallId(tenant, event.exchangeCallId()).orElse(null);
        Integer seen = jdbc.queryForObject(
                "select count(*) from call_exchange_event where tenant_id = ? and dedupe_key = ?", Integer.class,
                tenant, event.dedupeKey());
        if (seen != null && seen > 0) {
            return call == null ? new Applied(null, null, true) : new Applied(call.id(), call.status().name(), true);
        }
        if (call == null) {
            call = adoptOriginated(event);
        }
        if (call == null) {
            call = new Call(event.exchangeCallId(),
                    event.direction() == null ? Direction.INBOUND : event.direction(), event.occurredAt());
            entityManager.persist(call);
        }
        jdbc.update("insert into call_exchange_event (tenant_id, dedupe_key, call_id) values (?, ?, ?)", tenant,
                event.dedupeKey(), call.id());
        String extensionBefore = call.extension();
        String numberBefore = call.clientNumber();
        call.apply(event);
        if (call.extension() != null && (call.userId() == null || !Objects.equals(extensionBefore, call.extension()))) {
            extensions.userOf(call.extension()).ifPresent(call::assign);
        }
        List<CallerCard> cards = List.of();
        if (call.clientNumber() != null && (!Objects.equals(numberBefore, call.clientNumber())
                || event.type() == CallEvent.Type.RINGING && !call.ringingRaised())) {
            Recognition recognition = callers.recognise(call.clientNumber());
            call.match(recognition.contactId(), recognition.contactName(),
                    recognition.contactIds().toArray(UUID[]::new), recognition.companyId());
            cards = recognition.cards();
        }
        if (event.type() == CallEvent.Type.RINGING) {
            notices.ringing(call, cards);
        }
        notices.follow(call);
        return new Applied(call.id(), call.status().name(), false);
    }

    /**
     * A click-to-call the exchange accepted: logged OUTBOUND and RINGING for the user, before the exchange tells
     * anything of it. With the exchange's call id its events find it by that id; without, the first event of an
     * unknown call to the same extension and number within {@code crm.telephony.originate-match-window} does.
     */
    @Transactional
    public UUID originated(String exchangeCallId, String extension, UUID userId, String number) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Call call = new Call(exchangeCallId != null ? exchangeCallId : "originate:" + UUID.randomUUID(),
                Direction.OUTBOUND, now);
        call.originate(extension, userId, number);
        if (exchangeCallId != null) {
            call.adopt(exchangeCallId);
        }
        Recognition recognition = callers.recognise(number);
        call.match(recognition.contactId(), recognition.contactName(), recognition.contactIds().toArray(UUID[]::new),
                recognition.companyId());
        entityManager.persist(call);
        notices.ringing(call, recognition.cards());
        return call.id();
    }

    /** A recording of the call was stored here (uploaded): raises call.recording-available if none was before. */
    @Transactional
    public void recordingStored(UUID callId) {
        Call call = calls.findById(callId).orElseThrow();
        lock(TenantContext.require(), call.exchangeCallId());
        calls.findById(callId).ifPresent(found -> {
            found.storedRecording();
            notices.recording(found);
        });
    }

    private Call adoptOriginated(CallEvent event) {
        if (event.direction() == Direction.INBOUND || event.extension() == null || event.calledNumber() == null) {
            return null;
        }
        Instant since = Instant.now().minus(properties.originateMatchWindow());
        List<Call> waiting = calls.originatedSince(event.extension(), event.calledNumber(), since, Limit.of(1));
        if (waiting.isEmpty()) {
            return null;
        }
        Call call = waiting.getFirst();
        call.adopt(event.exchangeCallId());
        return call;
    }

    /** Serialises the events of one call (two instances may get them at once) until the transaction ends. */
    void lock(UUID tenant, String exchangeCallId) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtextextended(?, 0))", tenant + "/call/" + exchangeCallId);
    }
}
