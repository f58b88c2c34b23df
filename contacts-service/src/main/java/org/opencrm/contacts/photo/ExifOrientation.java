package org.opencrm.contacts.photo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The EXIF orientation of a JPEG (1 to 8; 1 = stored upright). Phones store a portrait as a landscape
 * picture with a tag that says how to turn it, and javax.imageio ignores the tag; without it, a photo
 * taken upright would be kept lying on its side. Only the tag is read, from the first APP1 segment: a
 * handful of bytes, not a metadata library.
 */
final class ExifOrientation {

    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    /** The orientation the picture was taken in; 1 for anything that is not a JPEG with a readable tag. */
    static int of(byte[] file) {
        if (file.length < 4 || (file[0] & 0xFF) != 0xFF || (file[1] & 0xFF) != 0xD8) {
            return 1;
        }
        int at = 2;
        while (at + 4 <= file.length) {
            if ((file[at] & 0xFF) != 0xFF) {
                return 1;
            }
            int marker = file[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++; // a fill byte before a marker
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return 1; // the picture itself begins (or the file ends): no metadata after this
            }
            int length = unsigned16(file, at + 2, false);
            int end = at + 2 + length;
            if (length < 2 || end > file.length) {
                return 1;
            }
            int start = at + 4;
            if (marker == 0xE1 && end - start > EXIF.length
                    && Arrays.equals(file, start, start + EXIF.length, EXIF, 0, EXIF.length)) {
                return fromTiff(file, start + EXIF.length, end);
            }
            at = end;
        }
        return 1;
    }

    /** The orientation tag of the first image directory of the TIFF structure an EXIF segment holds. */
    private static int fromTiff(byte[] file, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean littleEndian;
        if (file[tiff] == 'I' && file[tiff + 1] == 'I') {
            littleEndian = true;
        } else if (file[tiff] == 'M' && file[tiff + 1] == 'M') {
            littleEndian = false;
        } else {
            return 1;
        }
        long directory = tiff + unsigned32(file, tiff + 4, littleEndian);
        if (directory + 2 > end) {
            return 1;
        }
        int entries = unsigned16(file, (int) directory, littleEndian);
        for (int i = 0; i < entries; i++) {
            long entry = directory + 2 + 12L * i;
            if (entry + 12 > end) {
                return 1;
            }
            if (unsigned16(file, (int) entry, littleEndian) == ORIENTATION_TAG) {
                // a SHORT: its value sits in the first two bytes of the entry's value field
                int value = unsigned16(file, (int) entry + 8, littleEndian);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int unsigned16(byte[] b, int at, boolean littleEndian) {
        int first = b[at] & 0xFF;
        int second = b[at + 1] & 0xFF;
        return littleEndian ? second << 8 | first : first << 8 | second;
    }

    private static long unsigned32(byte[] b, int at, boolean littleEndian) {
        long high = unsigned16(b, littleEndian ? at + 2 : at, littleEndian);
        long low = unsigned16(b, littleEndian ? at : at + 2, littleEndian);
        return high << 16 | low;
    }
}
