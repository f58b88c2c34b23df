package org.opencrm.contacts.company;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencrm.contacts.point.PointKind;

/** A company card as the API shows it. */
public record CompanyView(UUID id, String name, String taxId, String industry, UUID ownerId, List<String> tags,
        String notes, Map<String, Object> customFields, List<Point> points, String email, String phone,
        UUID createdBy, Instant createdAt, Instant updatedAt, long version) {

    /** One way to reach the company. */
    public record Point(PointKind kind, String label, String value, boolean primary) {
    }

    static CompanyView of(Company c) {
        return new CompanyView(c.id(), c.name(), c.taxId(), c.industry(), c.ownerId(), c.tags(), c.notes(),
                c.customFields(), c.points().stream().map(p -> new Point(p.kind(), p.label(), p.value(), p.primary()))
                .toList(), c.email(), c.phone(), c.createdBy(), c.createdAt(), c.updatedAt(), c.version());
    }
}
