package dev.multidb.internal.replicas;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;

/**
 * What an operator needs to know of replicas: WARN when one leaves rotation (with the driver's error class, SQL
 * state and message; never a URL), INFO when it is back in rotation. A replica that stays down is tried again after
 * each back-off, so the pair repeats every 5 s until it answers.
 */
final class ReplicaLog {

    static final String LOGGER = "dev.multidb.replicas";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private ReplicaLog() {
    }

    static void down(String replica, String primary, long backOffMillis, Throwable failure) {
        if (LOG.isWarnEnabled()) {
            LOG.warn("Replica '" + replica + "' of '" + primary + "' failed (" + describe(failure) + "): it leaves"
                    + " rotation for " + backOffMillis + " ms; its reads go to another replica or to '" + primary
                    + "' meanwhile.");
        }
    }

    static void back(String replica, String primary) {
        LOG.info("Replica '" + replica + "' of '" + primary + "' is back in rotation (it leaves again at its next"
                + " failure).");
    }

    /** The deepest SQL error's class, state and message, else the failure's class. */
    private static String describe(Throwable failure) {
        SQLException deepest = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                deepest = sql;
            }
        }
        if (deepest != null) {
            return deepest.getClass().getSimpleName() + (deepest.getSQLState() == null ? "" : " " + deepest.getSQLState())
                    + ": " + deepest.getMessage();
        }
        return failure == null ? "no error given" : failure.getClass().getSimpleName();
    }
}
