package org.opencrm.platform.test;

/** Switches of the test infrastructure, read from the environment. */
final class TestEnvironment {

    private TestEnvironment() {
    }

    /** {@code CRM_TEST_DOCKER=true}: use Testcontainers (needs a Docker engine) instead of local servers. */
    static boolean useDocker() {
        return "true".equalsIgnoreCase(System.getenv("CRM_TEST_DOCKER"));
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
