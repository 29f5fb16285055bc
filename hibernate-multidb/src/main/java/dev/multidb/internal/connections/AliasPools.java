package dev.multidb.internal.connections;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.multidb.MultiDbException;
import dev.multidb.UnknownDatabaseException;
import dev.multidb.internal.config.DatabaseSettings;
import dev.multidb.internal.config.MultiDbSettings;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * One HikariCP pool per alias, named after the alias.
 *
 * <p>Pools are configured at bootstrap but start lazily, on the first connection an alias is asked for
 * (HikariCP's no-argument {@link HikariDataSource} mode): a unit with thirty-two aliases does not open
 * thirty-two sets of connections before it is used. Unless the user sets them, pools keep at most
 * {@value #DEFAULT_MAXIMUM_POOL_SIZE} connections and {@value #DEFAULT_MINIMUM_IDLE} idle one; a
 * replica's pool is read-only and waits at most {@value #REPLICA_CONNECTION_TIMEOUT_MILLIS} ms for a
 * connection, so that a dead replica is left for another quickly.
 *
 * <p>Every connection handed out is audited ({@link StatementAudit}) and every failure to connect is
 * rethrown with the passwords of the configuration removed from its message and causes.
 */
public final class AliasPools implements AutoCloseable {

    static final int DEFAULT_MAXIMUM_POOL_SIZE = 10;
    static final int DEFAULT_MINIMUM_IDLE = 1;
    static final long REPLICA_CONNECTION_TIMEOUT_MILLIS = 2_000;

    private final Map<String, HikariDataSource> pools;
    private final Map<String, AuditedDataSource> dataSources;
    private final AtomicBoolean closed = new AtomicBoolean();

    public AliasPools(MultiDbSettings settings, StatementListeners listeners) {
        Map<String, HikariDataSource> created = new TreeMap<>();
        Map<String, AuditedDataSource> audited = new TreeMap<>();
        Set<String> secrets = settings.secretValues();
        for (DatabaseSettings database : settings.databases()) {
            HikariDataSource pool = newPool(database);
            created.put(database.alias(), pool);
            audited.put(database.alias(), new AuditedDataSource(pool, database.alias(), listeners, secrets,
                    StatementTimeouts.honouredBy(database.url())));
        }
        this.pools = Collections.unmodifiableMap(created);
        this.dataSources = Map.copyOf(audited);   // looked up on every connection: hashed, not sorted
    }

    /** HikariCP silently lowers a {@code minimumIdle} above {@code maximumPoolSize}: a mistake, said at bootstrap. */
    private static void checkSizes(String alias, Properties properties, boolean maximumGiven) {
        String prefix = "multidb.databases." + alias + ".hikari.";
        int maximum = Integer.parseInt(properties.getProperty("maximumPoolSize").trim());
        int minimumIdle = Integer.parseInt(properties.getProperty("minimumIdle").trim());
        if (minimumIdle > maximum) {
            throw new MultiDbException("Invalid value '" + minimumIdle + "' for '" + prefix + "minimumIdle': it is more"
                    + " than the pool's maximumPoolSize (" + maximum + (maximumGiven ? "" : ", the default") + "), and a"
                    + " pool cannot keep more idle connections than it holds. Lower '" + prefix + "minimumIdle' or"
                    + " raise '" + prefix + "maximumPoolSize'.");
        }
    }

    private static HikariDataSource newPool(DatabaseSettings database) {
        Properties properties = new Properties();
        properties.setProperty("maximumPoolSize", String.valueOf(DEFAULT_MAXIMUM_POOL_SIZE));
        properties.setProperty("minimumIdle", String.valueOf(DEFAULT_MINIMUM_IDLE));
        if (database.replicaOf() != null) {
            // A replica is read-only, and a dead one must be noticed fast enough to fail over.
            properties.setProperty("readOnly", "true");
            properties.setProperty("connectionTimeout", String.valueOf(REPLICA_CONNECTION_TIMEOUT_MILLIS));
        }
        properties.putAll(DriverSettings.of(database));
        properties.putAll(database.hikari());
        checkSizes(database.alias(), properties, database.hikari().containsKey("maximumPoolSize"));
        HikariConfig config = new HikariConfig(properties);
        if (!database.hikari().containsKey("poolName")) {
            config.setPoolName(database.alias()); // two factories registering MBeans need a hikari.poolName each
        }
        config.setJdbcUrl(database.url());
        if (database.username() != null) {
            config.setUsername(database.username());
        }
        if (database.password() != null) {
            config.setPassword(database.password().reveal());
        }
        HikariDataSource pool = new HikariDataSource();
        config.copyStateTo(pool);
        return pool;
    }

    /** The aliases that have a pool, sorted. */
    public Set<String> aliases() {
        return pools.keySet();
    }

    /** The audited data source of {@code alias}: what {@code dataSource(alias)} hands to users. */
    public DataSource dataSource(String alias) {
        if (alias == null) {
            throw new IllegalArgumentException("The alias is null. Name one of the configured databases: "
                    + String.join(", ", pools.keySet()) + ".");
        }
        AuditedDataSource dataSource = dataSources.get(alias);
        if (dataSource == null) {
            throw UnknownDatabaseException.of(alias, pools.keySet());
        }
        return dataSource;
    }

    /** A connection of {@code alias}'s pool, audited; the caller closes it to return it. */
    public Connection connection(String alias) throws SQLException {
        return ((AuditedDataSource) dataSource(alias)).getConnection();
    }

    /**
     * Makes every connection of {@code alias} come from {@code source} instead of the pool, until
     * {@link #clearOverride(String)}; connections stay audited. This is how test support keeps each test's
     * work on one connection per alias and undoes it afterwards.
     */
    public void override(String alias, ConnectionSource source) {
        ((AuditedDataSource) dataSource(alias)).override(Objects.requireNonNull(source, "source"));
    }

    /** Returns {@code alias} to its pool. */
    public void clearOverride(String alias) {
        ((AuditedDataSource) dataSource(alias)).override(null);
    }

    /** Where an overridden alias gets its connections. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection get() throws SQLException;
    }

    /** Closes every pool. Closing twice is harmless. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pools.values().forEach(HikariDataSource::close);
        }
    }

    @Override
    public String toString() {
        return "AliasPools" + pools.keySet();
    }
}
