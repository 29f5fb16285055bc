package dev.multidb.internal.connections;

import com.zaxxer.hikari.HikariDataSource;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
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
    private final StatementListeners listeners;
    private final AliasPools owner;

    AuditedDataSource(HikariDataSource pool, String alias, StatementListeners listeners, AliasPools owner) {
        this.pool = pool;
        this.alias = alias;
        this.listeners = listeners;
        this.owner = owner;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return AuditedConnections.wrap(owner.rawConnection(alias, pool), alias, listeners);
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
