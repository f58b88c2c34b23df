package org.opencrm.deals.contract;

import org.springframework.util.unit.DataSize;

/** A contract document larger than the limit; answered 413. */
class DocumentTooLargeException extends RuntimeException {

    private final DataSize limit;

    DocumentTooLargeException(DataSize limit) {
        super("The document is larger than " + limit.toMegabytes() + " MB.");
        this.limit = limit;
    }

    DataSize limit() {
        return limit;
    }
}
