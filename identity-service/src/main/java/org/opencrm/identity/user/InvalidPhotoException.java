package org.opencrm.identity.user;

/** An upload that cannot become a photo: not a picture, another format, or too large. */
class InvalidPhotoException extends RuntimeException {

    InvalidPhotoException(String message) {
        super(message);
    }
}
