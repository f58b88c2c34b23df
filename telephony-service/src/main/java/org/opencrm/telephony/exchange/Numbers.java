package org.opencrm.telephony.exchange;

import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.telephony.config.PhoneNumbers;
import org.opencrm.telephony.config.TelephonyProperties;
import org.springframework.stereotype.Component;

/**
 * Numbers as the exchanges send them, made E.164 in the company's region: a hidden number (absent,
 * "anonymous") and an internal one (an extension such as 101) are null; anything else that is no phone number
 * is a malformed request naming the field.
 */
@Component
class Numbers {

    private final TelephonyProperties properties;

    Numbers(TelephonyProperties properties) {
        this.properties = properties;
    }

    String external(String raw, String field) {
        if (PhoneNumbers.hidden(raw) || PhoneNumbers.internal(raw)) {
            return null;
        }
        return PhoneNumbers.e164(raw.strip(), properties.defaultRegion())
                .orElseThrow(() -> InvalidFieldsException.of(field, "is not a phone number"));
    }

    /** The extension when the text is one (1 to 6 digits), else null. */
    static String extension(String raw) {
        return PhoneNumbers.internal(raw) ? raw.strip() : null;
    }

    String region() {
        return properties.defaultRegion();
    }
}
