package org.opencrm.telephony.config;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Phone numbers as telephony keeps them: E.164 ({@code +380671234567}), the form contacts-service announces
 * phones in, so that a caller is matched by plain equality. Parsed with libphonenumber in the company's region
 * when dialled without a country code.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** What exchanges send for a hidden number. */
    private static final Set<String> HIDDEN = Set.of("anonymous", "unknown", "private", "restricted", "unavailable",
            "hidden", "withheld");

    private PhoneNumbers() {
    }

    /** The number in E.164, or empty if the text is not a valid phone number. */
    public static Optional<String> e164(String typed, String region) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            var number = PHONES.parse(typed, region);
            return PHONES.isValidNumber(number) ? Optional.of(PHONES.format(number, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Whether the exchange says the number is hidden (absent, blank or a word such as "anonymous"). */
    public static boolean hidden(String typed) {
        return typed == null || typed.isBlank() || HIDDEN.contains(typed.strip().toLowerCase(Locale.ROOT));
    }

    /** An exchange's internal number (an extension such as 101), not a telephone number of the outside world. */
    public static boolean internal(String typed) {
        return typed != null && typed.strip().matches("\\d{1,6}");
    }
}
