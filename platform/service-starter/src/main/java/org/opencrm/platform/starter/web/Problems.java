package org.opencrm.platform.starter.web;

import java.net.URI;

/** The stable {@code type} URIs of the CRM's problem-details errors (documented in docs/api.md). */
public final class Problems {

    public static final URI VALIDATION = URI.create("/problems/validation");
    public static final URI MALFORMED_REQUEST = URI.create("/problems/malformed-request");
    public static final URI NOT_FOUND = URI.create("/problems/not-found");
    public static final URI CONFLICT = URI.create("/problems/conflict");
    public static final URI UNAUTHORIZED = URI.create("/problems/unauthorized");
    public static final URI FORBIDDEN = URI.create("/problems/forbidden");
    public static final URI INTERNAL = URI.create("/problems/internal");

    private Problems() {
    }
}
