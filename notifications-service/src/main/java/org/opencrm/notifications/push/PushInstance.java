package org.opencrm.notifications.push;

import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This instance of the service, for the push consumers: each instance reads every event in consumer groups of its
 * own, so it can push to the connections it holds, whichever instance the other users are connected to.
 */
@Component
public class PushInstance {

    private final String prefix;

    PushInstance(@Value("${spring.application.name}") String application, PushSettings settings) {
        String id = settings.instanceId() == null || settings.instanceId().isBlank() ? UUID.randomUUID().toString()
                : settings.instanceId();
        this.prefix = application + ".push-" + id + ".";
    }

    /** The consumer group of one push feed on this instance. */
    public String group(String feed) {
        return prefix + feed;
    }
}
