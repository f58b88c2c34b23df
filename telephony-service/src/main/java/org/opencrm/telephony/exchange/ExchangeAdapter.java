package org.opencrm.telephony.exchange;

import java.net.http.HttpRequest;
import java.util.List;
import org.opencrm.telephony.call.CallEvent;
import org.opencrm.telephony.exchange.TelephonySettings.Connection;
import org.springframework.http.MediaType;

/**
 * One kind of telephone exchange: how its webhook tells of calls, and how it is asked to originate one. Every
 * exchange's facts end up as the same {@link CallEvent}s.
 */
interface ExchangeAdapter {

    /** The {@code {format}} of the webhook path and of the settings. */
    String name();

    /**
     * The call events in one webhook request, numbers in E.164; empty when the request tells nothing of a call's
     * course (an event the adapter does not use).
     *
     * @throws org.opencrm.platform.starter.web.InvalidFieldsException naming the field, for a malformed request
     */
    List<CallEvent> read(byte[] body, MediaType contentType);

    /** The exchange's request to ring the extension and then connect it to the number. */
    HttpRequest originate(Connection connection, String extension, String number);

    /** The exchange's id of the originated call in its answer, if it gives one. */
    String originatedCallId(String answer);
}
