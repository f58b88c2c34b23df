package org.opencrm.contacts.importing;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids for imported contacts that grow with time (UUID version 7, RFC 9562: the millisecond, a counter
 * within it, then 62 random bits). A million contacts with random ids land all over every index that
 * ends in the id (the primary key, the list's sort indexes, the history's keys); ids in order are appended
 * at one end, which makes the import's inserts several times faster. Not thread-safe: one import, one thread.
 */
final class TimeOrderedIds {

    private final SecureRandom random = new SecureRandom();
    private long millis;
    private int counter;

    UUID next() {
        long now = System.currentTimeMillis();
        if (now > millis) {
            millis = now;
            counter = 0;
        } else if (++counter > 0xFFF) {
            // more than 4096 in a millisecond: borrow the next one, so that the order holds
            millis++;
            counter = 0;
        }
        long high = (millis << 16) | 0x7000L | counter;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
