package org.opencrm.contacts.photo;

import org.springframework.util.unit.DataSize;

/** An upload larger than a photo may be; answered 413. */
class PhotoTooLargeException extends RuntimeException {

    private final DataSize limit;

    PhotoTooLargeException(DataSize limit) {
        super("A photo may be at most " + limit.toMegabytes() + " MB.");
        this.limit = limit;
    }

    DataSize limit() {
        return limit;
    }
}
