package org.opencrm.telephony.recording;

import java.util.Optional;

/**
 * One range of an HTTP {@code Range: bytes=...} header (RFC 9110), resolved against the size: {@code 0-99},
 * {@code 100-} or the last {@code -100} bytes. Several ranges are answered whole (empty), as the RFC allows.
 */
record ByteRange(long first, long last) {

    long length() {
        return last - first + 1;
    }

    /** Empty for no header or one this service answers with the whole file. */
    static Optional<ByteRange> parse(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return Optional.empty();
        }
        String spec = header.substring(6).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            String start = spec.substring(0, dash).strip();
            String end = spec.substring(dash + 1).strip();
            if (start.isEmpty()) {
                long suffix = Long.parseLong(end);
                if (suffix <= 0) {
                    throw new Unsatisfiable();
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(start);
            long last = end.isEmpty() ? size - 1 : Math.min(Long.parseLong(end), size - 1);
            if (first >= size || last < first) {
                throw new Unsatisfiable();
            }
            return Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A range outside the file: 416. */
    static class Unsatisfiable extends RuntimeException {
        Unsatisfiable() {
            super("The range is outside the recording.");
        }
    }
}
