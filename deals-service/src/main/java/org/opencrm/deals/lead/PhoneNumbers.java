package org.opencrm.deals.lead;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.Optional;

/**
 * Phones as a lead keeps them: E.164 (as contacts-service and telephony match callers), parsed with
 * libphonenumber in the company's region when typed without a country code, as contacts-service does.
 */
final class PhoneNumbers {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The number in E.164 ({@code +380671234567}), or empty if the text is not a valid phone number. */
    static Optional<String> e164(String typed, String region) {
        try {
            var number = PHONES.parse(typed, region);
            return PHONES.isValidNumber(number) ? Optional.of(PHONES.format(number, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
