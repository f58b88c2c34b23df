package org.opencrm.contacts.photo;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.contacts.contact.Contact;
import org.opencrm.contacts.contact.ContactService;
import org.opencrm.contacts.contact.ContactView;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * The photo on a contact's card. Whoever sees the card sees its photo; whoever may change the card sets
 * or removes it ({@link Visibility}: anything else is 404 or 403, as for the card). Setting or removing
 * one is a change of the card: its version and history, and {@code contact.updated}.
 */
@Service
class Photos {

    private final ContactService contacts;
    private final ContactPhotoRepository photos;
    private final PhotoSettings settings;
    private final EntityManager entityManager;
    private final TransactionTemplate transaction;

    Photos(ContactService contacts, ContactPhotoRepository photos, PhotoSettings settings, EntityManager entityManager,
            TransactionTemplate transaction) {
        this.contacts = contacts;
        this.photos = photos;
        this.settings = settings;
        this.entityManager = entityManager;
        this.transaction = transaction;
    }

    /**
     * Makes the upload the card's photo. The picture is decoded and scaled between two short transactions,
     * not inside one: it takes a core for a moment, and a database connection need not wait for it.
     */
    ContactView replace(UUID contactId, MultipartFile file) {
        Visibility visibility = contacts.visibility();
        requireChange(visibility, contacts.visible(contactId, visibility).ownerId());
        if (file == null || file.isEmpty()) {
            throw InvalidFieldsException.of("file", "is missing or empty; send a JPEG, PNG or GIF image");
        }
        if (file.getSize() > settings.maxFileSize().toBytes()) {
            throw new PhotoTooLargeException(settings.maxFileSize());
        }
        PhotoImages.Photo photo = PhotoImages.of(bytes(file), settings.side(), settings.thumbSide(), settings.maxPixels());
        return transaction.execute(status -> {
            Contact contact = contacts.visibleContact(contactId, visibility);
            requireChange(visibility, contact.ownerId());
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Optional<ContactPhoto> existing = photos.findById(contactId);
            ContactPhoto stored = existing.orElseGet(() -> new ContactPhoto(contactId));
            stored.replace(photo, visibility.user().userId(), now);
            if (existing.isEmpty()) {
                entityManager.persist(stored);
            }
            return contacts.photoChanged(contact, photo.version());
        });
    }

    /** Removes the card's photo; removing none is no change. */
    @Transactional
    void remove(UUID contactId) {
        Visibility visibility = contacts.visibility();
        Contact contact = contacts.visibleContact(contactId, visibility);
        requireChange(visibility, contact.ownerId());
        photos.findById(contactId).ifPresent(photos::delete);
        contacts.photoChanged(contact, null);
    }

    /** The photo, or its thumbnail, of a card the user sees; empty when the card has none. */
    @Transactional(readOnly = true)
    Optional<StoredImage> of(UUID contactId, boolean thumb) {
        contacts.visible(contactId, contacts.visibility());
        return thumb ? photos.thumbOf(contactId) : photos.photoOf(contactId);
    }

    private static void requireChange(Visibility visibility, UUID ownerId) {
        if (!visibility.mayChange(ownerId)) {
            throw new AccessDeniedException("Your role reads clients but does not change them.");
        }
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
