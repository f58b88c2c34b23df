package org.opencrm.contacts.history;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a record's revisions from Envers and turns each into the fields that changed. The caller checks
 * first that the user may see the record; this only reads its past.
 */
@Service
public class History {

    private final EntityManager entityManager;

    History(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The changes of one record, newest first.
     *
     * @param fields what each revision of the record shows, field by field, in display order
     */
    @Transactional(readOnly = true)
    public <T> List<Change> of(Class<T> type, Object id, Function<T, Map<String, Object>> fields) {
        return of(type, List.of(id), fields);
    }

    /** The changes of several records (a card and those merged into it), newest first. */
    @Transactional(readOnly = true)
    public <T> List<Change> of(Class<T> type, List<?> ids, Function<T, Map<String, Object>> fields) {
        List<Change> all = new ArrayList<>();
        for (Object id : ids) {
            all.addAll(ofOne(type, id, fields));
        }
        all.sort(java.util.Comparator.comparingLong(Change::revision).reversed());
        return all;
    }

    private <T> List<Change> ofOne(Class<T> type, Object id, Function<T, Map<String, Object>> fields) {
        @SuppressWarnings("unchecked")
        List<Object[]> revisions = AuditReaderFactory.get(entityManager).createQuery()
                .forRevisionsOfEntity(type, false, true)
                .add(AuditEntity.id().eq(id))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        List<Change> changes = new ArrayList<>();
        Map<String, Object> before = Map.of();
        for (Object[] revision : revisions) {
            @SuppressWarnings("unchecked")
            T state = (T) revision[0];
            Revision info = (Revision) revision[1];
            RevisionType kind = (RevisionType) revision[2];
            Map<String, Object> after = kind == RevisionType.DEL ? Map.of() : new LinkedHashMap<>(fields.apply(state));
            List<Change.FieldChange> changed = new ArrayList<>();
            for (String field : union(before, after)) {
                Object from = before.get(field);
                Object to = after.get(field);
                if (!Objects.equals(from, to) && !(isEmpty(from) && isEmpty(to))) {
                    changed.add(new Change.FieldChange(field, from, to));
                }
            }
            if (!changed.isEmpty() || kind != RevisionType.MOD) {
                changes.add(new Change(info.id(), info.at(), info.actorId(), switch (kind) {
                    case ADD -> "CREATED";
                    case MOD -> "UPDATED";
                    case DEL -> "DELETED";
                }, id, changed));
            }
            before = after;
        }
        return changes.reversed();
    }

    private static List<String> union(Map<String, Object> before, Map<String, Object> after) {
        List<String> fields = new ArrayList<>(after.keySet());
        before.keySet().stream().filter(field -> !after.containsKey(field)).forEach(fields::add);
        return fields;
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof java.util.Collection<?> c && c.isEmpty())
                || (value instanceof Map<?, ?> m && m.isEmpty()) || Boolean.FALSE.equals(value);
    }
}
