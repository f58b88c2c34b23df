package org.opencrm.contacts.photo;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The photos of the current tenant's contacts; each size is read alone, so a list's thumbnails never load photos. */
interface ContactPhotoRepository extends JpaRepository<ContactPhoto, UUID> {

    @Query("""
            select new org.opencrm.contacts.photo.StoredImage(p.version, p.version, p.mediaType, p.data)
            from ContactPhoto p where p.contactId = :contactId""")
    Optional<StoredImage> photoOf(UUID contactId);

    @Query("""
            select new org.opencrm.contacts.photo.StoredImage(concat(p.version, '-thumb'), p.version, p.thumbMediaType,
                p.thumb)
            from ContactPhoto p where p.contactId = :contactId""")
    Optional<StoredImage> thumbOf(UUID contactId);
}
