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
        boolean underSql = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                underSql = true;
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                if (sql instanceof java.sql.SQLNonTransientConnectionException
                        || sql instanceof java.sql.SQLTransientConnectionException) {
                    return true;
                }
            }
            if (cause instanceof java.io.IOException && (underSql || cause instanceof java.net.SocketException
                    || cause instanceof java.io.EOFException || cause instanceof java.net.SocketTimeoutException)) {
                // a socket that broke or timed out under a driver that did not say so in a SQL state; not any
                // IOException (a JSON mapper's, say, wrapped by Hibernate)
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
