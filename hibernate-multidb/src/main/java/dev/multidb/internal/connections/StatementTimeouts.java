package dev.multidb.internal.connections;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Makes a statement's query timeout bound its wait for a server that stopped answering.
 *
 * <p>A driver enforces {@link java.sql.Statement#setQueryTimeout} by asking the server to cancel the statement
 * (PostgreSQL's cancel request, MariaDB's {@code max_statement_time}): a frozen server (SIGSTOP, a dead network
 * path) never answers that either, and the statement waits for the alias's network timeout. Hibernate gives every
 * statement its query timeout ({@code jakarta.persistence.query.timeout}, {@code Query.setTimeout}) or the time
 * left of its transaction's ({@code EntityTransaction.setTimeout}), so while a statement with one runs, the
 * connection's network timeout is lowered to that timeout plus {@link #GRACE_MILLIS} (the server's own cancel
 * comes first when it answers) and restored afterwards. Statements without a query timeout pay nothing.
 */
final class StatementTimeouts {

    /** How long after its query timeout a statement gives up on a server that does not answer at all. */
    static final int GRACE_MILLIS = 2_000;
    private static final Executor DIRECT = Runnable::run;

    /** One execution of a statement. */
    interface Execution<T> {
        T run() throws SQLException;
    }

    private StatementTimeouts() {
    }

    /**
     * Whether the driver of {@code url} honours {@link Connection#setNetworkTimeout} (PostgreSQL, MariaDB, MySQL):
     * only their prepared statements are wrapped. H2's ignores it (an embedded database cannot freeze apart from
     * its application), so wrapping would cost without bounding anything.
     */
    static boolean honouredBy(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("jdbc:postgresql:") || lower.startsWith("jdbc:mariadb:")
                || lower.startsWith("jdbc:mysql:");
    }

    /** Runs {@code execution}, waiting no longer than {@code querySeconds} and the grace for an answer. */
    static <T> T bounded(AuditedConnection owner, int querySeconds, Execution<T> execution) throws SQLException {
        Connection connection = owner.pooled();
        int networkTimeout = connection.getNetworkTimeout();
        int bound = (int) Math.min(Integer.MAX_VALUE, querySeconds * 1_000L + GRACE_MILLIS);
        if (networkTimeout != 0 && networkTimeout <= bound) {
            return execution.run(); // the alias's own network timeout is the shorter bound
        }
        connection.setNetworkTimeout(DIRECT, bound);
        long start = System.nanoTime();
        try {
            return execution.run();
        } catch (SQLException e) {
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (waited >= bound - 100 && isReadTimeout(e)) {
                throw new SQLNonTransientConnectionException("Alias '" + owner.audit().alias() + "' did not answer within"
                        + " the statement's query timeout of " + querySeconds + " s (and a grace of "
                        + GRACE_MILLIS / 1_000 + " s): the server stopped answering or the network path to it is"
                        + " broken. Its connection is closed and the transaction cannot go on; roll it back and retry"
                        + " once the server answers. The timeout comes from jakarta.persistence.query.timeout,"
                        + " Query.setTimeout or EntityTransaction.setTimeout.", "08006", e);
            }
            throw e;
        } finally {
            restore(connection, networkTimeout);
        }
    }

    private static void restore(Connection connection, int networkTimeout) {
        try {
            if (!connection.isClosed()) {
                connection.setNetworkTimeout(DIRECT, networkTimeout);
            }
        } catch (SQLException ignored) {
            // the driver closed the connection it timed out; the pool replaces it
        }
    }

    private static boolean isReadTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
