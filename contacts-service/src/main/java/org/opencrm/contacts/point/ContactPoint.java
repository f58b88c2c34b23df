package org.opencrm.contacts.point;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import java.util.UUID;

/**
 * One way to reach a contact or a company: a phone, an e-mail, a messenger, a social profile, an address
 * or a website, with a free label ("mobile", "Telegram"). {@code searchKey} is what lookups compare; a
 * point is made only through {@link ContactPoints#normalise}, which fills it.
 */
@Embeddable
public class ContactPoint {

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PointKind kind;

    private String label;

    @Column(nullable = false)
    private String value;

    @Column(name = "search_key", nullable = false)
    private String searchKey;

    @Column(name = "is_primary", nullable = false)
    private boolean primary;

    protected ContactPoint() {
    }

    ContactPoint(UUID tenantId, PointKind kind, String label, String value, String searchKey, boolean primary) {
        this.tenantId = tenantId;
        this.kind = kind;
        this.label = label;
        this.value = value;
        this.searchKey = searchKey;
        this.primary = primary;
    }

    public PointKind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    public String value() {
        return value;
    }

    public String searchKey() {
        return searchKey;
    }

    public boolean primary() {
        return primary;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContactPoint point && kind == point.kind && primary == point.primary
                && Objects.equals(label, point.label) && Objects.equals(value, point.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, label, value, primary);
    }

    @Override
    public String toString() {
        return kind + (label == null ? "" : " (" + label + ")") + ": " + value + (primary ? " *" : "");
    }
}
