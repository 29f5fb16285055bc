package dev.multidb.internal.connections;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A connection of one alias's pool whose statements are reported to the statement listeners before the
 * driver sees them. A plain delegate, not a dynamic proxy: it sits on every statement's path, and a
 * direct call costs nothing measurable where reflection would. Only the methods that make statements do
 * more than forward; their statements are {@link AuditedStatement}s and, where the driver honours network
 * timeouts, {@link BoundedPreparedStatement}s.
 */
final class AuditedConnection extends ForwardingConnection {

    private final StatementAudit audit;

    AuditedConnection(Connection target, StatementAudit audit) {
        super(target);
        this.audit = audit;
    }

    /** The driver's statement, bounded where the driver honours network timeouts ({@link StatementTimeouts}). */
    private PreparedStatement bounded(PreparedStatement statement) {
        return audit.boundsStatements() ? new BoundedPreparedStatement(statement, this) : statement;
    }

    StatementAudit audit() {
        return audit;
    }

    /** The connection of the pool, which statements use to bound their waits ({@link StatementTimeouts}). */
    Connection pooled() {
        return target;
    }

    @Override
    public String toString() {
        return "AuditedConnection[" + audit.alias() + "]";
    }

    /**
     * {@code unwrap(Connection.class)} is this connection, so that its statements stay audited; a driver's own
     * class ({@code PgConnection}, ...) is the pool's answer, whose statements are not reported.
     */
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }

    @Override
    public Statement createStatement() throws SQLException {
        return new AuditedStatement(target.createStatement(), this);
    }

    @Override
    public Statement createStatement(int a0, int a1) throws SQLException {
        return new AuditedStatement(target.createStatement(a0, a1), this);
    }

    @Override
    public Statement createStatement(int a0, int a1, int a2) throws SQLException {
        return new AuditedStatement(target.createStatement(a0, a1, a2), this);
    }

    /** Stored procedures: reported, not bounded (Hibernate calls them rarely; their timeout is the driver's). */
    @Override
    public CallableStatement prepareCall(String a0) throws SQLException {
        audit.report(a0);
        return target.prepareCall(a0);
    }

    @Override
    public CallableStatement prepareCall(String a0, int a1, int a2) throws SQLException {
        audit.report(a0);
        return target.prepareCall(a0, a1, a2);
    }

    @Override
    public CallableStatement prepareCall(String a0, int a1, int a2, int a3) throws SQLException {
        audit.report(a0);
        return target.prepareCall(a0, a1, a2, a3);
    }

    @Override
    public PreparedStatement prepareStatement(String a0) throws SQLException {
        audit.report(a0);
        return bounded(target.prepareStatement(a0));
    }

    @Override
    public PreparedStatement prepareStatement(String a0, String[] a1) throws SQLException {
        audit.report(a0);
        return bounded(target.prepareStatement(a0, a1));
    }

    @Override
    public PreparedStatement prepareStatement(String a0, int a1) throws SQLException {
        audit.report(a0);
        return bounded(target.prepareStatement(a0, a1));
    }

    @Override
    public PreparedStatement prepareStatement(String a0, int[] a1) throws SQLException {
        audit.report(a0);
        return bounded(target.prepareStatement(a0, a1));
    }

    @Override
    public PreparedStatement prepareStatement(String a0, int a1, int a2) throws SQLException {
        audit.report(a0);
        return bounded(target.prepareStatement(a0, a1, a2));
    }

    @Override
    public PreparedStatement prepareStatement(String a0, int a1, int a2, int a3) throws SQLException {
        audit.report(a0);
        return bounded(target.prepareStatement(a0, a1, a2, a3));
    }
}
