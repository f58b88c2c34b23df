package org.opencrm.contacts.photo;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencrm.contacts.contact.ContactView;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.NotFoundException;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The photo on a contact's card over HTTP: set it (multipart part {@code file}), show it, remove it. */
@RestController
@RequestMapping("/api/contacts/{id}/photo")
class PhotoController {

    private final Photos photos;
    private final PhotoSettings settings;

    PhotoController(Photos photos, PhotoSettings settings) {
        this.photos = photos;
        this.settings = settings;
    }

    /** A JPEG, PNG or GIF; the card as it is now, with its new {@code photoVersion}. */
    @PutMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ContactView upload(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file) {
        return photos.replace(id, file);
    }

    /**
     * The photo ({@code size=thumb}: the thumbnail), with its ETag (304 for If-None-Match). Asked for by the
     * card's current {@code photoVersion} ({@code v}), it may be kept as long as the browser likes, since
     * that address never shows another picture; otherwise it must be checked again each time.
     */
    @GetMapping
    ResponseEntity<byte[]> photo(@PathVariable UUID id, @RequestParam(required = false) String size,
            @RequestParam(name = "v", required = false) String version) {
        if (size != null && !size.equals("thumb") && !size.equals("full")) {
            throw InvalidFieldsException.of("size", "must be thumb or full");
        }
        StoredImage image = photos.of(id, "thumb".equals(size)).orElseThrow(() -> new NotFoundException("Photo of contact", id));
        CacheControl cache = image.version().equals(version)
                ? CacheControl.maxAge(settings.cacheFor()).cachePrivate().immutable()
                : CacheControl.maxAge(Duration.ZERO).cachePrivate().mustRevalidate();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.mediaType()))
                .cacheControl(cache)
                .eTag(image.etag())
                .body(image.data());
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable UUID id) {
        photos.remove(id);
    }

    @ExceptionHandler(PhotoTooLargeException.class)
    ProblemDetail tooLarge(PhotoTooLargeException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
        problem.setType(URI.create("/problems/photo-too-large"));
        problem.setTitle("Photo too large");
        problem.setProperties(Map.of("errors", List.of(new FieldProblem("file",
                "is larger than " + ex.limit().toMegabytes() + " MB"))));
        return problem;
    }
}
