package org.opencrm.identity.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.opencrm.platform.starter.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The photos on users' cards: each user uploads or removes their own, colleagues see them. */
@Service
class Photos {

    private final UserPhotoRepository photos;
    private final UserRepository users;

    Photos(UserPhotoRepository photos, UserRepository users) {
        this.photos = photos;
        this.users = users;
    }

    @Transactional
    UserView replace(UUID userId, byte[] upload) {
        byte[] photo = PhotoImages.normalise(upload);
        User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UserPhoto stored = photos.findById(userId).orElseGet(() -> new UserPhoto(userId));
        stored.replace(PhotoImages.MEDIA_TYPE, photo, now);
        photos.save(stored);
        user.photoChanged(now);
        return UserView.of(user);
    }

    @Transactional
    void remove(UUID userId) {
        User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
        photos.findById(userId).ifPresent(photos::delete);
        user.photoChanged(null);
    }

    @Transactional(readOnly = true)
    Optional<UserPhoto> of(UUID userId) {
        return photos.findById(userId);
    }
}
