package org.opencrm.identity.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** The photo on a user's card: a small JPEG made from what they uploaded. */
@Entity
@Table(name = "user_photo")
class UserPhoto {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(nullable = false)
    private byte[] data;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected UserPhoto() {
    }

    UserPhoto(UUID userId) {
        this.userId = userId;
    }

    void replace(String mediaType, byte[] data, Instant at) {
        this.mediaType = mediaType;
        this.data = data;
        this.updatedAt = at;
    }

    String mediaType() {
        return mediaType;
    }

    byte[] data() {
        return data;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
