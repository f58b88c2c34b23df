package org.opencrm.telephony.call;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencrm.platform.starter.directory.Directory;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.NewestFirst;
import org.opencrm.platform.starter.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The call log: calls the current user may see, newest first, keyset paged on (startedAt, id), filtered by
 * direction, status, user, contact, company and time. The company's own calls only (Hibernate's tenant filter).
 */
@Service
public class CallLog {

    /** A page of the log. */
    public record Page(List<CallView> items, String nextCursor) {
    }

    /** The log's filters; each null means any. */
    record Filter(String direction, String status, UUID userId, UUID contactId, UUID companyId, Instant from,
            Instant to) {
    }

    static final int MAX_LIMIT = 200;

    private final EntityManager entityManager;
    private final CallRepository calls;
    private final Directory directory;

    CallLog(EntityManager entityManager, CallRepository calls, Directory directory) {
        this.entityManager = entityManager;
        this.calls = calls;
        this.directory = directory;
    }

    @Transactional(readOnly = true)
    Page list(Filter filter, String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidFieldsException.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        CallVisibility visibility = visibility();
        NewestFirst after = NewestFirst.decode(cursor);
        StringBuilder jpql = new StringBuilder("select c from Call c where (c.startedAt < :before"
                + " or (c.startedAt = :before and c.id < :beforeId))");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("before", after.before());
        parameters.put("beforeId", after.beforeId());
        if (filter.direction() != null) {
            jpql.append(" and c.direction = :direction");
            parameters.put("direction", enumValue(CallEvent.Direction.class, filter.direction(), "direction"));
        }
        if (filter.status() != null) {
            jpql.append(" and c.status = :status");
            parameters.put("status", enumValue(CallStatus.class, filter.status(), "status"));
        }
        if (filter.userId() != null) {
            jpql.append(" and c.userId = :userId");
            parameters.put("userId", filter.userId());
        }
        if (filter.contactId() != null) {
            jpql.append(" and c.contactId = :contactId");
            parameters.put("contactId", filter.contactId());
        }
        if (filter.companyId() != null) {
            jpql.append(" and c.companyId = :companyId");
            parameters.put("companyId", filter.companyId());
        }
        if (filter.from() != null) {
            jpql.append(" and c.startedAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            jpql.append(" and c.startedAt < :to");
            parameters.put("to", filter.to());
        }
        String condition = visibility.condition();
        if (condition != null) {
            jpql.append(" and ").append(condition);
            parameters.put("visibleUsers", visibility.users().orElseThrow());
        }
        jpql.append(" order by c.startedAt desc, c.id desc");
        TypedQuery<Call> query = entityManager.createQuery(jpql.toString(), Call.class).setMaxResults(limit + 1);
        parameters.forEach(query::setParameter);
        List<Call> found = query.getResultList();
        List<CallView> items = found.stream().limit(limit).map(CallView::of).toList();
        String next = found.size() > limit
                ? NewestFirst.encode(found.get(limit - 1).startedAt(), found.get(limit - 1).id()) : null;
        return new Page(items, next);
    }

    /** The call, if the current user may see it; 404 otherwise (another company's call included). */
    @Transactional(readOnly = true)
    public CallView get(UUID id) {
        return CallView.of(visible(id));
    }

    /** Where a call's recording is, for a user who may see the call; 404 otherwise. */
    public record RecordingSource(UUID callId, UUID userId, String exchangeUrl, boolean stored) {
    }

    @Transactional(readOnly = true)
    public RecordingSource recording(UUID id) {
        Call call = visible(id);
        return new RecordingSource(call.id(), call.userId(), call.recordingUrl(), call.recordingStored());
    }

    Call visible(UUID id) {
        CallVisibility visibility = visibility();
        String condition = visibility.condition();
        if (condition == null) {
            return calls.findById(id).orElseThrow(() -> new NotFoundException("Call", id));
        }
        return entityManager.createQuery("select c from Call c where c.id = :id and " + condition, Call.class)
                .setParameter("id", id).setParameter("visibleUsers", visibility.users().orElseThrow())
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("Call", id));
    }

    private CallVisibility visibility() {
        return CallVisibility.of(CurrentUser.require(), directory);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidFieldsException.of(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
