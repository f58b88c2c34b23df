package org.opencrm.contacts.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.opencrm.contacts.point.PointInput;

/**
 * How two cards become one: the survivor's value wins where it has one, the other card fills the gaps,
 * lists are joined without repeats.
 */
final class Combination {

    private Combination() {
    }

    static <T> T either(T survivor, T other) {
        return survivor != null ? survivor : other;
    }

    /** Every point of both, a point known already (same kind and value) kept once, one primary per kind. */
    static List<PointInput> points(List<PointInput> survivor, List<PointInput> other) {
        List<PointInput> points = new ArrayList<>(survivor);
        for (PointInput point : other) {
            boolean known = points.stream().anyMatch(p -> p.kind() == point.kind() && p.value().equalsIgnoreCase(point.value()));
            if (!known) {
                boolean kindKnown = points.stream().anyMatch(p -> p.kind() == point.kind());
                points.add(new PointInput(point.kind(), point.label(), point.value(), !kindKnown && point.isPrimary()));
            }
        }
        return points;
    }

    static List<String> tags(List<String> survivor, List<String> other) {
        LinkedHashSet<String> tags = new LinkedHashSet<>(survivor == null ? List.of() : survivor);
        if (other != null) {
            tags.addAll(other);
        }
        return List.copyOf(tags);
    }

    static Map<String, Object> customFields(Map<String, Object> survivor, Map<String, Object> other) {
        Map<String, Object> custom = new LinkedHashMap<>(other == null ? Map.of() : other);
        if (survivor != null) {
            custom.putAll(survivor);
        }
        return custom;
    }

    static String notes(String survivor, String other) {
        if (survivor == null) {
            return other;
        }
        return other == null || other.equals(survivor) ? survivor : survivor + "\n\n" + other;
    }
}
