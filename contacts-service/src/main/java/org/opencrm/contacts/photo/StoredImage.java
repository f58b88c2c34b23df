package org.opencrm.contacts.photo;

/**
 * One size of a contact's photo as it is served: the bytes, their media type, and the ETag that names
 * exactly these bytes.
 */
record StoredImage(String etag, String version, String mediaType, byte[] data) {
}
