package dev.multidb.internal.connections;

import com.zaxxer.hikari.HikariDataSource;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source of one alias as users and Hibernate see it: the alias's pool, with every connection
 * audited and connection failures scrubbed of secrets. Per-call credentials are refused: the alias's
 * pool has its own.
 */
final class AuditedDataSource implements DataSource {

    private final HikariDataSource pool;
    private final String alias;
    /** The configuration's passwords, removed from the messages of connection failures. */
    private final Set<String> secrets;
    private final StatementAudit audit;
    /** Where connections come from instead of the pool, or {@code null} (see {@link AliasPools#override}). */
    private volatile AliasPools.ConnectionSource override;

    AuditedDataSource(HikariDataSource pool, String alias, StatementListeners listeners, Set<String> secrets,
                      boolean boundsStatements) {
        this.pool = pool;
        this.alias = alias;
        this.audit = new StatementAudit(alias, listeners, boundsStatements);
        this.secrets = secrets;
    }

    void override(AliasPools.ConnectionSource source) {
        this.override = source;
    }

    @Override
    public Connection getConnection() throws SQLException {
        AliasPools.ConnectionSource source = override;
        return new AuditedConnection(source != null ? source.get() : pooled(), audit);
    }

    private Connection pooled() throws SQLException {
        try {
            return pool.getConnection();
        } catch (SQLException | RuntimeException e) {
            throw SecretScrubber.scrub(e, secrets);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The data source of alias '" + alias
                + "' uses the credentials of multidb.databases." + alias + ".*; call getConnection() instead.");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }

    @Override
    public String toString() {
        return "DataSource[" + alias + "]";
    }
}
