package org.opencrm.contacts.company;

import java.util.Locale;
import java.util.Optional;

/**
 * Tax numbers as the card keeps them: letters and digits only, upper case. An 8-digit number is a
 * Ukrainian EDRPOU code and must pass its check digit (the State Statistics Service's weighting).
 */
public final class TaxIds {

    private static final int[] FIRST_WEIGHTS = {1, 2, 3, 4, 5, 6, 7};
    private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9};
    private static final int[] FIRST_WEIGHTS_HIGH = {7, 1, 2, 3, 4, 5, 6};
    private static final int[] SECOND_WEIGHTS_HIGH = {9, 3, 4, 5, 6, 7, 8};

    private TaxIds() {
    }

    /** The normalised tax number, or empty if it cannot be one. */
    public static Optional<String> normalise(String typed) {
        String value = typed.replaceAll("[\\s\\-./]", "").toUpperCase(Locale.ROOT);
        if (value.isEmpty() || !value.matches("[A-Z0-9]{2,20}")) {
            return Optional.empty();
        }
        if (value.matches("\\d{8}") && !edrpouValid(value)) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /**
     * A tax number read from a spreadsheet: as {@link #normalise}, except that a number of five to seven digits
     * that is a valid EDRPOU code once its leading zeros are put back gets them back. A spreadsheet program
     * that took a code such as 00033715 for a number kept 33715.
     */
    public static Optional<String> fromSpreadsheet(String cell) {
        String value = cell.strip();
        if (value.matches("\\d{5,7}")) {
            String padded = "0".repeat(8 - value.length()) + value;
            if (edrpouValid(padded)) {
                return Optional.of(padded);
            }
        }
        return normalise(value);
    }

    /** EDRPOU control digit: weights 1..7 (7,1..6 for codes from 30000000 to 60000000), retried with +2 if 10. */
    static boolean edrpouValid(String code) {
        long number = Long.parseLong(code);
        boolean high = number > 30_000_000L && number < 60_000_000L;
        int check = checksum(code, high ? FIRST_WEIGHTS_HIGH : FIRST_WEIGHTS);
        if (check >= 10) {
            check = checksum(code, high ? SECOND_WEIGHTS_HIGH : SECOND_WEIGHTS) % 10;
        }
        return check == code.charAt(7) - '0';
    }

    private static int checksum(String code, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (code.charAt(i) - '0') * weights[i];
        }
        return sum % 11;
    }
}
