package dev.multidb.internal.session;

import java.sql.SQLException;

/**
 * Tells a broken connection from every other failure: SQL state class 08 (connection exception) and
 * 57P (PostgreSQL's operator intervention: the server shut down), or an I/O exception, anywhere in the cause chain.
 */
final class ConnectionFailures {

    private ConnectionFailures() {
    }

    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                if (sql instanceof java.sql.SQLNonTransientConnectionException
                        || sql instanceof java.sql.SQLTransientConnectionException) {
                    return true;
                }
            }
            if (cause instanceof java.io.IOException) {
                return true; // a socket that broke or timed out, under a driver that did not say so in a SQL state
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
