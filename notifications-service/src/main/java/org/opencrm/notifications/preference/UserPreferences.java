package org.opencrm.notifications.preference;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** The preferences a user saved; kinds they never set keep their defaults. */
@Entity
@Table(name = "notification_preference")
class UserPreferences {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String language;

    private String phone;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "notification_preference_kind", joinColumns = @JoinColumn(name = "user_id"))
    @MapKeyColumn(name = "kind")
    private Map<String, Channels> kinds = new HashMap<>();

    protected UserPreferences() {
    }

    UserPreferences(UUID userId, String language) {
        this.userId = userId;
        this.language = language;
    }

    void change(String language, String phone, Map<String, Channels> changed) {
        this.language = language;
        this.phone = phone;
        this.kinds.putAll(changed);
    }

    String language() {
        return language;
    }

    String phone() {
        return phone;
    }

    Channels channels(String kind) {
        return kinds.getOrDefault(kind, Channels.defaultFor(kind));
    }
}
