package org.opencrm.platform.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Looks up the record class of an event type name, from the list declared on {@link DomainEvent}. */
public final class EventTypes {

    private static final Map<String, Class<? extends DomainEvent>> BY_NAME = Arrays
            .stream(DomainEvent.class.getAnnotation(JsonSubTypes.class).value())
            .collect(Collectors.toUnmodifiableMap(JsonSubTypes.Type::name, EventTypes::eventClass,
                    (a, b) -> { throw new IllegalStateException("Event type declared twice: " + a); }));

    private EventTypes() {
    }

    /** The record class for a CloudEvents type, if the published language has it. */
    public static Optional<Class<? extends DomainEvent>> classOf(String type) {
        return Optional.ofNullable(BY_NAME.get(type));
    }

    /** Every event type name. */
    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends DomainEvent> eventClass(JsonSubTypes.Type type) {
        return (Class<? extends DomainEvent>) type.value();
    }
}
