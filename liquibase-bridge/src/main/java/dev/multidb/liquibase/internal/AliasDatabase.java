package dev.multidb.liquibase.internal;

import dev.multidb.spi.ConfiguredDatabase;
import dev.multidb.spi.Texts;
import dev.multidb.liquibase.MigrationException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Properties;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;
import liquibase.executor.ExecutorService;
import liquibase.lockservice.LockServiceFactory;

/**
 * One JDBC connection to one alias, seen by Liquibase as a {@link Database}, for one task.
 *
 * <p>Why a plain {@link DriverManager} connection: a migration needs one connection for a few seconds;
 * a pool (or Hibernate) would only add start-up time. Why the careful {@link #close()}: Liquibase keeps
 * lock services, history services and executors in JVM-wide maps keyed by the database; Liquibase's own
 * commands clear those maps for everybody when they end, which breaks other aliases migrating in
 * parallel. Here each task forgets only its own entries.
 */
final class AliasDatabase implements AutoCloseable {

    private final String alias;
    private final Connection connection;
    private final Database database;

    private AliasDatabase(String alias, Connection connection, Database database) {
        this.alias = alias;
        this.connection = connection;
        this.database = database;
    }

    /**
     * Connects to the alias.
     *
     * @throws MigrationException when the database cannot be reached; the message has no password
     */
    static AliasDatabase open(ConfiguredDatabase settings, Collection<String> secrets) {
        Properties properties = new Properties();
        if (settings.username() != null) {
            properties.setProperty("user", settings.username());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection(settings.url(), properties);
        } catch (SQLException e) {
            throw new MigrationException(settings.alias(), Texts.redact("Cannot connect to '" + settings.alias()
                    + "' (" + settings.maskedUrl() + "): " + e.getMessage(), secrets), null);
        }
        try {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            return new AliasDatabase(settings.alias(), connection, database);
        } catch (DatabaseException | RuntimeException e) {
            closeQuietly(connection);
            throw new MigrationException(settings.alias(), Texts.redact("Cannot use '" + settings.alias()
                    + "' with Liquibase: " + e.getMessage(), secrets), null);
        }
    }

    String alias() {
        return alias;
    }

    Database database() {
        return database;
    }

    /** The raw connection, for the bridge's own statements (history adoption). */
    Connection connection() {
        return connection;
    }

    /** Liquibase's short name of the product: {@code h2}, {@code postgresql}, {@code mariadb}, ... */
    String product() {
        return database.getShortName();
    }

    @Override
    public void close() {
        try {
            Scope scope = Scope.getCurrentScope();
            scope.getSingleton(ExecutorService.class).clearExecutor("jdbc", database);
            scope.getSingleton(ExecutorService.class).clearExecutor("logging", database);
            scope.getSingleton(ChangeLogHistoryServiceFactory.class).getChangeLogService(database).reset();
            LockServiceFactory.getInstance().getLockService(database).reset();
        } catch (RuntimeException ignored) {
            // forgetting caches must not hide the task's own outcome
        }
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is closed next anyway
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to do with it
        }
    }
}
