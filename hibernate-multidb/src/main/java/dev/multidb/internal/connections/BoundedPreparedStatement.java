package dev.multidb.internal.connections;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A prepared statement of an {@link AuditedConnection} (reported when it was prepared) whose query timeout bounds
 * its wait for a server that does not answer ({@link StatementTimeouts}). Without a query timeout every call goes
 * straight to the driver's statement.
 */
final class BoundedPreparedStatement extends ForwardingPreparedStatement {

    private final AuditedConnection owner;
    private int queryTimeout;

    BoundedPreparedStatement(PreparedStatement target, AuditedConnection owner) {
        super(target);
        this.owner = owner;
    }

    @Override
    public void setQueryTimeout(int a0) throws SQLException {
        target.setQueryTimeout(a0);
        queryTimeout = a0;
    }

    @Override
    public Connection getConnection() {
        return owner;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return queryTimeout <= 0 ? target.executeQuery()
                : StatementTimeouts.bounded(owner, queryTimeout, target::executeQuery);
    }

    @Override
    public int executeUpdate() throws SQLException {
        return queryTimeout <= 0 ? target.executeUpdate()
                : StatementTimeouts.bounded(owner, queryTimeout, target::executeUpdate);
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return queryTimeout <= 0 ? target.executeLargeUpdate()
                : StatementTimeouts.bounded(owner, queryTimeout, target::executeLargeUpdate);
    }

    @Override
    public boolean execute() throws SQLException {
        return queryTimeout <= 0 ? target.execute()
                : StatementTimeouts.bounded(owner, queryTimeout, target::execute);
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return queryTimeout <= 0 ? target.executeBatch()
                : StatementTimeouts.bounded(owner, queryTimeout, target::executeBatch);
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        return queryTimeout <= 0 ? target.executeLargeBatch()
                : StatementTimeouts.bounded(owner, queryTimeout, target::executeLargeBatch);
    }

    @Override
    public String toString() {
        return target.toString();
    }
}
