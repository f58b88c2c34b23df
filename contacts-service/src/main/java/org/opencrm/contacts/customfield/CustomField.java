package org.opencrm.contacts.customfield;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** A field an ADMIN added to a kind of card: its key in the card's custom fields, label, type and choices. */
@Entity
@Table(name = "custom_field")
class CustomField {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private CardType entity;

    @Column(nullable = false, updatable = false)
    private String key;

    @Column(nullable = false)
    private String label;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private FieldType type;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> options = new ArrayList<>();

    @Column(nullable = false)
    private int position;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected CustomField() {
    }

    CustomField(CardType entity, String key, String label, FieldType type, List<String> options, int position) {
        this.id = UUID.randomUUID();
        this.entity = entity;
        this.key = key;
        this.label = label;
        this.type = type;
        this.options = new ArrayList<>(options);
        this.position = position;
        this.createdAt = Instant.now();
    }

    void change(String label, List<String> options) {
        this.label = label;
        this.options = new ArrayList<>(options);
    }

    UUID id() {
        return id;
    }

    CardType entity() {
        return entity;
    }

    String key() {
        return key;
    }

    String label() {
        return label;
    }

    FieldType type() {
        return type;
    }

    List<String> options() {
        return List.copyOf(options);
    }

    int position() {
        return position;
    }
}
