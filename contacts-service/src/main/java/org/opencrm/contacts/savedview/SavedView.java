package org.opencrm.contacts.savedview;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** A list query a user keeps under a name ("My VIP leads in Kyiv"). */
@Entity
@Table(name = "saved_view")
class SavedView {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(nullable = false, updatable = false)
    private String list;

    @Column(nullable = false)
    private String name;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, Object> query = new LinkedHashMap<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SavedView() {
    }

    SavedView(UUID userId, String list, String name, Map<String, Object> query) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.list = list;
        this.name = name;
        this.query = new LinkedHashMap<>(query);
        this.createdAt = Instant.now();
    }

    void change(String name, Map<String, Object> query) {
        this.name = name;
        this.query = new LinkedHashMap<>(query);
    }

    UUID id() {
        return id;
    }

    UUID userId() {
        return userId;
    }

    String list() {
        return list;
    }

    String name() {
        return name;
    }

    Map<String, Object> query() {
        return query;
    }

    Instant createdAt() {
        return createdAt;
    }
}
