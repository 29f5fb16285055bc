package dev.multidb.junit;

import java.util.Map;
import java.util.Optional;

/**
 * Properties of a unit known only when the tests run, named by {@link MultiDbTest#properties()}: the
 * URL of a database server started for the tests (a Testcontainers container, an embedded server), or a
 * schema-generation action other than {@code drop-and-create}.
 *
 * <pre>{@code
 * public final class ShopContainers implements MultiDbTestProperties, AutoCloseable {
 *     private PostgreSQLContainer postgres;
 *
 *     public Optional<String> unavailableReason() {
 *         try {
 *             return DockerClientFactory.instance().isDockerAvailable()
 *                     ? Optional.empty() : Optional.of("No Docker engine for the PostgreSQL container");
 *         } catch (Exception | LinkageError e) {
 *             return Optional.of("No Docker engine for the PostgreSQL container: " + e);
 *         }
 *     }
 *
 *     public Map<String, ?> properties() {
 *         postgres = new PostgreSQLContainer("postgres:17-alpine");
 *         postgres.start();
 *         return Map.of("multidb.databases.other.url", postgres.getJdbcUrl(),
 *                 "multidb.databases.other.username", postgres.getUsername(),
 *                 "multidb.databases.other.password", postgres.getPassword());
 *     }
 *
 *     public void close() {
 *         postgres.stop();
 *     }
 * }
 * }</pre>
 *
 * <p>Life cycle: one instance per class and test run, made with its no-argument constructor (which may be
 * non-public) and shared by every test class naming it. {@link #unavailableReason()} is asked before a
 * class starts; {@link #properties()} once, before the unit's factory is built. An instance that is
 * {@link AutoCloseable} is closed at the end of the run, after the factories that used it.
 */
public interface MultiDbTestProperties {

    /**
     * Why these properties cannot be given on this machine (no Docker engine, say), or empty when they
     * can. A reason disables (skips) every test class naming this class, with the reason as the skip
     * message; nothing is started and nothing fails. Default: always available.
     */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /**
     * The properties, the same keys as in {@code persistence.xml} ({@code multidb.*}, {@code jakarta.*},
     * {@code hibernate.*}); they take precedence over the unit's. Start servers here.
     *
     * @throws Exception a failure here fails every test class naming this class
     */
    Map<String, ?> properties() throws Exception;
}
