package org.opencrm.contacts.photo;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** The photo on a contact's card, as it is kept: scaled down, with a thumbnail for lists. */
@Entity
@Table(name = "contact_photo")
class ContactPhoto {

    @Id
    @Column(name = "contact_id")
    private UUID contactId;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String version;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(nullable = false)
    private byte[] data;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Column(name = "thumb_media_type", nullable = false)
    private String thumbMediaType;

    @Column(nullable = false)
    private byte[] thumb;

    @Column(name = "updated_by")
    private UUID updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ContactPhoto() {
    }

    ContactPhoto(UUID contactId) {
        this.contactId = contactId;
    }

    void replace(PhotoImages.Photo photo, UUID by, Instant at) {
        this.version = photo.version();
        this.mediaType = photo.full().mediaType();
        this.data = photo.full().data();
        this.width = photo.full().width();
        this.height = photo.full().height();
        this.thumbMediaType = photo.thumb().mediaType();
        this.thumb = photo.thumb().data();
        this.updatedBy = by;
        this.updatedAt = at;
    }
}
