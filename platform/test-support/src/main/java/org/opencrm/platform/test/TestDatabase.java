package org.opencrm.platform.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A fresh PostgreSQL database for one test run; the next run drops it.
 * <p>
 * By default it is created on the local server ({@code CRM_TEST_DB_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code CRM_TEST_DB_USER} or postgres); with
 * {@code CRM_TEST_DOCKER=true} it is a Testcontainers PostgreSQL.
 */
public final class TestDatabase {

    /** A test database younger than this is never dropped by another run, connected or not. */
    static final Duration LEFTOVER_AGE = Duration.ofMinutes(30);


    private static TestDatabase instance;
    private static boolean leftoversDropped;

    private final String url;
    private final String username;
    private final String password;

    private TestDatabase(String url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** The database of this test JVM, created on first use. */
    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = fresh();
        }
        return instance;
    }

    /** Another new database, e.g. for a second service started by a system test. */
    public static TestDatabase fresh() {
        return TestEnvironment.useDocker() ? container() : local();
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** A new connection to the test database, for assertions on rows. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    private static TestDatabase container() {
        var postgres = new PostgreSQLContainer("postgres:17-alpine");
        postgres.start();
        return new TestDatabase(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }

    private static TestDatabase local() {
        String adminUrl = TestEnvironment.env("CRM_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = TestEnvironment.env("CRM_TEST_DB_USER", "postgres");
        String password = TestEnvironment.env("CRM_TEST_DB_PASSWORD", "");
        // the creation time in the name: another run drops only databases old enough to be left over
        String name = "crm_test_" + Long.toString(System.currentTimeMillis() / 1000, 36) + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
        synchronized (TestDatabase.class) {
            if (!leftoversDropped) {
                dropLeftovers(adminUrl, user, password);
                leftoversDropped = true;
            }
        }
        execute(adminUrl, user, password, "create database " + name);
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        String url = adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
        return new TestDatabase(url, user, password);
    }

    /**
     * Drops the databases of earlier test runs that nobody is connected to any more and that are more than
     * {@link #LEFTOVER_AGE} old. Dropping our own at JVM exit would race the Spring contexts that still use
     * it while they close; dropping a young one raced a test JVM running beside this one, which had created
     * its database and not yet connected to it.
     */
    private static void dropLeftovers(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                var statement = connection.createStatement();
                var rows = statement.executeQuery("""
                        select datname from pg_database d where datname like 'crm\\_test\\_%'
                        and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)
                        """)) {
            var names = new java.util.ArrayList<String>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            for (String name : names) {
                if (!leftOver(name)) {
                    continue;
                }
                try (var drop = connection.createStatement()) {
                    drop.execute("drop database if exists " + name);
                } catch (SQLException inUse) {
                    // another test run connected meanwhile: leave it
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach PostgreSQL at " + url
                    + " (is it running? set CRM_TEST_DB_URL to point elsewhere)", e);
        }
    }

    /** Whether a test database is old enough to be another run's leftover (names without a time are). */
    static boolean leftOver(String name) {
        String[] parts = name.split("_");
        if (parts.length != 4) {
            return true;
        }
        try {
            long created = Long.parseLong(parts[2], 36);
            return created < System.currentTimeMillis() / 1000 - LEFTOVER_AGE.toSeconds();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on " + url
                    + " (is PostgreSQL running? set CRM_TEST_DB_URL to point elsewhere)", e);
        }
    }
}
