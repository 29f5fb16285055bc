package dev.multidb.junit.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import javax.sql.DataSource;

/**
 * One real connection of an alias, held in one open transaction for a whole test class, and the
 * handles that stand in for pooled connections while it is held ({@link dev.multidb.junit.Isolation#ROLLBACK}).
 *
 * <p><b>Why savepoints.</b> Code under test begins, commits and rolls back its own transactions; with
 * one real transaction that must never commit, each of those becomes a nested one. The real
 * transaction holds, at any time, an <em>inner savepoint</em> marking where the code's current
 * transaction began: {@code commit()} on a handle releases it and takes a new one (the work stays, to be
 * rolled back with the test), {@code rollback()} rolls back to it (undoing exactly that transaction,
 * and on PostgreSQL leaving the "transaction is aborted" state a failed statement causes). A second
 * savepoint, taken before each test, is what the test is rolled back to; the real transaction is
 * rolled back when the class ends, which undoes {@code @BeforeAll} work too.
 *
 * <p>Savepoint bookkeeping is synchronized on this object; statements are not, they go straight to the
 * real connection, which every thread shares.
 */
final class PinnedConnection {

    private final String alias;
    private final Connection real;
    private Savepoint inner;
    private Savepoint testStart;

    private PinnedConnection(String alias, Connection real) throws SQLException {
        this.alias = alias;
        this.real = real;
        real.setAutoCommit(false);
        this.inner = real.setSavepoint();
    }

    /**
     * Takes a connection from {@code pool} (the alias's real, unaudited pool: statements reach the
     * statement listeners through the handles, once) and opens the class's transaction on it.
     */
    static PinnedConnection pin(String alias, DataSource pool) throws SQLException {
        Connection connection = pool.getConnection();
        try {
            return new PinnedConnection(alias, connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** A new handle: what a {@code getConnection()} of the alias returns while the connection is pinned. */
    Connection handle() {
        return (Connection) Proxy.newProxyInstance(PinnedConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Handle());
    }

    /** Marks the state the coming test is rolled back to. */
    synchronized void beginTest() throws SQLException {
        testStart = real.setSavepoint();
        inner = real.setSavepoint();
    }

    /** Undoes everything since {@link #beginTest()}, whatever the code under test committed. */
    synchronized void endTest() throws SQLException {
        if (testStart == null) {
            return;
        }
        Savepoint start = testStart;
        testStart = null;
        try {
            real.rollback(start);
            release(start);
        } catch (SQLException e) {
            throw new SQLException("Could not roll back alias '" + alias + "' to where the test began (" + e.getMessage()
                    + "). On MySQL and MariaDB a DDL statement commits implicitly and ends the test's transaction:"
                    + " use @MultiDbTest(isolation = Isolation.TRUNCATE) for such tests.", e.getSQLState(), e);
        } finally {
            inner = real.setSavepoint();
        }
    }

    /** Rolls back the class's transaction and returns the connection to its pool. */
    synchronized void unpin() throws SQLException {
        try {
            real.rollback();
            real.setAutoCommit(true);
        } finally {
            real.close();
        }
    }

    private synchronized void commitInner() throws SQLException {
        release(inner);
        inner = real.setSavepoint();
    }

    private synchronized void rollbackInner() throws SQLException {
        real.rollback(inner);
    }

    private void release(Savepoint savepoint) throws SQLException {
        try {
            real.releaseSavepoint(savepoint);
        } catch (SQLFeatureNotSupportedException e) {
            // Some drivers cannot release; the savepoint then lives until the rollback that ends the test.
        }
    }

    @Override
    public String toString() {
        return "PinnedConnection[" + alias + "]";
    }

    /** One handle: closing it closes only the handle; transactions on it are the nested ones above. */
    private final class Handle implements InvocationHandler {

        private volatile boolean closed;

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            int arity = args == null ? 0 : args.length;
            switch (name) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "TestConnection[" + alias + (closed ? ", closed]" : "]");
                case "close", "abort":
                    closed = true;
                    return null;
                case "isClosed":
                    return closed;
                default:
                    break;
            }
            if (closed) {
                throw new SQLException("Connection is closed (a handle on the test connection of alias '" + alias + "')",
                        "08003");
            }
            switch (name) {
                case "getAutoCommit":
                    return false;
                case "setAutoCommit":
                    // JDBC: switching auto-commit on commits the transaction in progress.
                    if (Boolean.TRUE.equals(args[0])) {
                        commitInner();
                    }
                    return null;
                case "commit":
                    commitInner();
                    return null;
                case "rollback":
                    if (arity == 0) {
                        rollbackInner();
                        return null;
                    }
                    break;
                case "setReadOnly", "setTransactionIsolation":
                    // Not allowed inside the open transaction on some databases (PostgreSQL); ignored.
                    return null;
                default:
                    break;
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
