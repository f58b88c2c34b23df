package org.opencrm.identity.department;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A unit of the company structure: part of a parent department (or the top level), led by a head. */
@Entity
@Table(name = "department")
class Department {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String name;

    @Column(name = "parent_id")
    private UUID parentId;

    @Column(name = "head_user_id")
    private UUID headUserId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Department() {
    }

    Department(String name, UUID parentId, UUID headUserId) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.parentId = parentId;
        this.headUserId = headUserId;
        this.createdAt = Instant.now();
    }

    void change(String name, UUID parentId, UUID headUserId) {
        this.name = name;
        this.parentId = parentId;
        this.headUserId = headUserId;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    UUID parentId() {
        return parentId;
    }

    UUID headUserId() {
        return headUserId;
    }

    Instant createdAt() {
        return createdAt;
    }

    long version() {
        return version;
    }
}
