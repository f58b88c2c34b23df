package org.opencrm.identity.apikey;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What an integration may do with its key. */
enum Scope {
    SHOP_WRITE("shop:write"), TELEPHONY_WRITE("telephony:write"), READ("read");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    @JsonValue
    String value() {
        return value;
    }

    @JsonCreator
    static Scope of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown scope " + value));
    }
}
