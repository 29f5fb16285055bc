package dev.multidb.junit.support;

import dev.multidb.junit.MultiDbTestProperties;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

/**
 * The README's container example: {@code default} and {@code other} on a PostgreSQL container started by
 * Testcontainers, once per run, stopped at its end. Where no Docker engine answers, the classes naming it
 * are skipped.
 */
public final class PostgresContainer implements MultiDbTestProperties, AutoCloseable {

    private PostgreSQLContainer container;

    @Override
    public Optional<String> unavailableReason() {
        return Docker.unavailableReason();
    }

    @Override
    public Map<String, ?> properties() throws Exception {
        container = new PostgreSQLContainer(DockerImageName.parse("postgres:17-alpine"));
        container.start();
        try (Connection connection = DriverManager.getConnection(container.getJdbcUrl(), container.getUsername(),
                container.getPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE other");
        }
        String server = "jdbc:postgresql://" + container.getHost() + ":"
                + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/";
        return Map.of(
                "multidb.databases.default.url", container.getJdbcUrl(),
                "multidb.databases.default.username", container.getUsername(),
                "multidb.databases.default.password", container.getPassword(),
                "multidb.databases.other.url", server + "other",
                "multidb.databases.other.username", container.getUsername(),
                "multidb.databases.other.password", container.getPassword());
    }

    @Override
    public void close() {
        if (container != null) {
            container.stop();
        }
    }
}
