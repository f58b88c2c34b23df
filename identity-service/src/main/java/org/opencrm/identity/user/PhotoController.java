package org.opencrm.identity.user;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.web.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A user's photo: uploaded and removed by the user, shown to colleagues of the same company. */
@RestController
class PhotoController {

    private final Photos photos;

    PhotoController(Photos photos) {
        this.photos = photos;
    }

    @PutMapping(path = "/api/identity/me/photo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    UserView upload(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidPhotoException("The file is empty.");
        }
        return photos.replace(CurrentUser.require().userId(), file.getBytes());
    }

    @DeleteMapping("/api/identity/me/photo")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove() {
        photos.remove(CurrentUser.require().userId());
    }

    /** Its address changes with every new photo, so browsers may keep it as long as they like. */
    @GetMapping("/api/identity/users/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable UUID id) {
        UserPhoto photo = photos.of(id).orElseThrow(() -> new NotFoundException("Photo", id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.mediaType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable())
                .eTag(Long.toString(photo.updatedAt().toEpochMilli()))
                .body(photo.data());
    }

    @ExceptionHandler(InvalidPhotoException.class)
    ProblemDetail invalid(InvalidPhotoException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setType(URI.create("/problems/invalid-photo"));
        problem.setTitle("Invalid photo");
        return problem;
    }
}
