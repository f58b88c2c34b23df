package org.opencrm.platform.events;

/** Kafka header names of the CloudEvents Kafka protocol binding, binary content mode. */
public final class EventHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String TENANT_ID = "ce_tenantid";
    public static final String ACTOR_ID = "ce_actorid";
    public static final String TRACEPARENT = "ce_traceparent";
    public static final String CONTENT_TYPE = "content-type";

    private EventHeaders() {
    }
}
