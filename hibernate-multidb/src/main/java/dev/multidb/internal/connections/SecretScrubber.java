package dev.multidb.internal.connections;

import dev.multidb.internal.config.Redaction;

import java.sql.SQLException;
import java.util.Set;

/**
 * Rewrites a connection failure so that no configured password appears in its message or in the
 * messages of its causes. Drivers sometimes echo the JDBC URL, which may carry a password; HikariCP
 * wraps their exceptions. The rewritten chain keeps each exception's type name, SQL state, vendor code
 * and stack trace, so nothing useful for diagnosis is lost.
 */
final class SecretScrubber {

    private SecretScrubber() {
    }

    static SQLException scrub(Exception failure, Set<String> secrets) {
        String state = failure instanceof SQLException sql ? sql.getSQLState() : null;
        int code = failure instanceof SQLException sql ? sql.getErrorCode() : 0;
        SQLException scrubbed = new SQLException(Redaction.redact(failure.getMessage(), secrets), state, code,
                scrubCause(failure.getCause(), secrets, 0));
        scrubbed.setStackTrace(failure.getStackTrace());
        return scrubbed;
    }

    private static Throwable scrubCause(Throwable cause, Set<String> secrets, int depth) {
        if (cause == null || depth > 16) {
            return null;
        }
        ScrubbedCause copy = new ScrubbedCause(cause.getClass().getName() + ": "
                + Redaction.redact(String.valueOf(cause.getMessage()), secrets),
                scrubCause(cause.getCause(), secrets, depth + 1));
        copy.setStackTrace(cause.getStackTrace());
        return copy;
    }

    /** Stands in for a cause whose message was scrubbed; its message starts with the original type. */
    static final class ScrubbedCause extends Exception {
        private static final long serialVersionUID = 1L;

        ScrubbedCause(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
