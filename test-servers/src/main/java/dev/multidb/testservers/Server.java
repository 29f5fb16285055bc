package dev.multidb.testservers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A running database server as integration tests see it, whichever way it was started.
 *
 * <p>Tests talk only to this interface so that they run unchanged against a Testcontainers container
 * (where a Docker engine exists) or an embedded server (everywhere else), and so that H2 can stand in
 * the same parameterised test as the real servers.
 *
 * <p>Servers are shared by every test class of a test run. A test therefore never uses a server's
 * default database: it asks for its own with {@link #createDatabase(String)}, which keeps tests
 * independent of each other and of their execution order, also when they run concurrently.
 */
public interface Server {

    /** {@code "h2"}, {@code "postgresql"} or {@code "mariadb"}: lets a test adapt SQL that is not portable. */
    String product();

    /** The JDBC URL of one database on this server (the database must exist, except on H2). */
    String jdbcUrl(String database);

    /** A user allowed to create databases and everything inside them. */
    String username();

    /** The password of {@link #username()}; may be empty. */
    String password();

    /**
     * Creates a new, empty database whose name starts with {@code prefix} and is unique on this server
     * for the lifetime of the test run, and returns that name.
     *
     * <p>The prefix only makes logs and failure messages readable: it is lower-cased and every
     * character other than a letter, digit or underscore becomes an underscore.
     */
    String createDatabase(String prefix);

    /**
     * The configuration entries that declare {@code database} on this server under {@code alias}:
     * {@code multidb.databases.<alias>.url}, {@code .username} and {@code .password}.
     */
    default Map<String, String> multidbProperties(String alias, String database) {
        String key = "multidb.databases." + alias + ".";
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(key + "url", jdbcUrl(database));
        properties.put(key + "username", username());
        properties.put(key + "password", password());
        return properties;
    }
}
