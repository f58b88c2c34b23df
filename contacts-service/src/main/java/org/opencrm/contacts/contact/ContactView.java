package org.opencrm.contacts.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencrm.contacts.point.ContactPoint;
import org.opencrm.contacts.point.PointKind;

/**
 * A contact card as the API shows it. {@code photoVersion} names the photo the card shows (null: none); it
 * changes with every new photo, so a client may keep a photo as long as it likes under that name.
 */
public record ContactView(
        UUID id, ContactKind kind, String firstName, String middleName, String lastName, String displayName,
        LocalDate birthDate, String position, UUID ownerId, boolean vip, String source, ContactStatus status,
        List<String> tags, boolean newsConsent, String paymentPreference, String deliveryPreference, String notes,
        Map<String, Object> customFields, List<Point> points, String email, String phone,
        UUID createdBy, Instant createdAt, Instant updatedAt, long version, String photoVersion) {

    /** One way to reach the contact. */
    public record Point(PointKind kind, String label, String value, boolean primary) {

        static Point of(ContactPoint point) {
            return new Point(point.kind(), point.label(), point.value(), point.primary());
        }
    }

    static ContactView of(Contact c) {
        return new ContactView(c.id(), c.kind(), c.firstName(), c.middleName(), c.lastName(), displayName(c),
                c.birthDate(), c.position(), c.ownerId(), c.vip(), c.source(), c.status(), c.tags(), c.newsConsent(),
                c.paymentPreference(), c.deliveryPreference(), c.notes(), c.customFields(),
                c.points().stream().map(Point::of).toList(), c.email(), c.phone(), c.createdBy(), c.createdAt(),
                c.updatedAt(), c.version(), c.photoVersion());
    }

    /** "Last First Middle", as Ukrainian and Russian business lists name people. */
    public static String displayName(Contact c) {
        return String.join(" ", java.util.stream.Stream.of(c.lastName(), c.firstName(), c.middleName())
                .filter(part -> part != null && !part.isBlank()).toList());
    }
}
