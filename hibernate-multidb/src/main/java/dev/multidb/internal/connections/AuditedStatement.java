package dev.multidb.internal.connections;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A plain statement of an {@link AuditedConnection}: its SQL is known only when it is executed or batched, so it
 * is reported then, before the driver sees it (a listener that throws stops it). Its query timeout bounds the wait
 * for a server that does not answer, as a prepared statement's does ({@link StatementTimeouts}).
 */
final class AuditedStatement extends ForwardingStatement {

    private final AuditedConnection owner;
    private int queryTimeout;

    AuditedStatement(Statement target, AuditedConnection owner) {
        super(target);
        this.owner = owner;
    }

    private void report(String sql) {
        owner.audit().report(sql);
    }

    private <T> T run(StatementTimeouts.Execution<T> execution) throws SQLException {
        return queryTimeout <= 0 ? execution.run() : StatementTimeouts.bounded(owner, queryTimeout, execution);
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
    public void addBatch(String a0) throws SQLException {
        report(a0);
        target.addBatch(a0);
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return run(target::executeBatch);
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        return run(target::executeLargeBatch);
    }

    @Override
    public boolean execute(String a0) throws SQLException {
        report(a0);
        return run(() -> target.execute(a0));
    }

    @Override
    public boolean execute(String a0, int a1) throws SQLException {
        report(a0);
        return run(() -> target.execute(a0, a1));
    }

    @Override
    public boolean execute(String a0, int[] a1) throws SQLException {
        report(a0);
        return run(() -> target.execute(a0, a1));
    }

    @Override
    public boolean execute(String a0, String[] a1) throws SQLException {
        report(a0);
        return run(() -> target.execute(a0, a1));
    }

    @Override
    public ResultSet executeQuery(String a0) throws SQLException {
        report(a0);
        return run(() -> target.executeQuery(a0));
    }

    @Override
    public int executeUpdate(String a0) throws SQLException {
        report(a0);
        return run(() -> target.executeUpdate(a0));
    }

    @Override
    public int executeUpdate(String a0, int a1) throws SQLException {
        report(a0);
        return run(() -> target.executeUpdate(a0, a1));
    }

    @Override
    public int executeUpdate(String a0, int[] a1) throws SQLException {
        report(a0);
        return run(() -> target.executeUpdate(a0, a1));
    }

    @Override
    public int executeUpdate(String a0, String[] a1) throws SQLException {
        report(a0);
        return run(() -> target.executeUpdate(a0, a1));
    }

    @Override
    public long executeLargeUpdate(String a0) throws SQLException {
        report(a0);
        return run(() -> target.executeLargeUpdate(a0));
    }

    @Override
    public long executeLargeUpdate(String a0, int a1) throws SQLException {
        report(a0);
        return run(() -> target.executeLargeUpdate(a0, a1));
    }

    @Override
    public long executeLargeUpdate(String a0, int[] a1) throws SQLException {
        report(a0);
        return run(() -> target.executeLargeUpdate(a0, a1));
    }

    @Override
    public long executeLargeUpdate(String a0, String[] a1) throws SQLException {
        report(a0);
        return run(() -> target.executeLargeUpdate(a0, a1));
    }

    @Override
    public String toString() {
        return target.toString();
    }
}
