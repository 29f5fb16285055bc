package dev.multidb.internal.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.ref.Cleaner;

/**
 * The safety net for an entity manager that the application dropped, unclosed, while its transaction was active:
 * once the garbage collector finds it unreachable, its transaction is rolled back on every alias and its sessions
 * closed, so that their connections go back to the pools, and a warning says so. Only a safety net: the garbage
 * collector decides when (if ever) it runs; close every entity manager. It is on where HikariCP's leak detection
 * is on for an alias ({@code hikari.leakDetectionThreshold}): watching every entity manager that begins a
 * transaction costs a phantom reference each, about 2% of a persist and commit.
 *
 * <p>Where such an entity manager began its transaction is logged too when the logger {@value #LOGGER} is at
 * DEBUG: the place is then recorded at every first {@code begin()} of an entity manager (as HikariCP records where
 * a connection was taken only when its leak detection is on), which costs a stack trace each time.
 */
final class DroppedEntityManagers {

    static final String LOGGER = "dev.multidb.leaks";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final Cleaner CLEANER = Cleaner.create(runnable -> {
        Thread thread = new Thread(runnable, "multidb-dropped-entity-managers");
        thread.setDaemon(true);
        return thread;
    });

    private DroppedEntityManagers() {
    }

    /**
     * Watches {@code entityManager}; {@code transaction} and {@code children} are what the clean-up needs, and
     * neither may reach the entity manager (its transaction knows it only weakly).
     */
    static void watch(Object entityManager, String unit, MultiDbTransaction transaction, ChildSessions children) {
        Throwable began = LOG.isDebugEnabled() ? new Throwable("the transaction of the dropped entity manager began here")
                : null;
        CLEANER.register(entityManager, new CleanUp(unit, transaction, children, began));
    }

    private record CleanUp(String unit, MultiDbTransaction transaction, ChildSessions children, Throwable began)
            implements Runnable {
        @Override
        public void run() {
            if (!transaction.isActive()) {
                return;
            }
            String aliases = String.join(", ", children.aliases());
            try {
                transaction.rollback();
            } catch (RuntimeException e) {
                LOG.debug("Rolling back a dropped entity manager's transaction failed", e);
            }
            try {
                children.closeAll();
            } catch (RuntimeException e) {
                LOG.debug("Closing a dropped entity manager's sessions failed", e);
            }
            String message = "An entity manager of unit '" + unit + "' was dropped, unclosed, while its transaction"
                    + " was active on [" + aliases + "]: it has been rolled back and its connections returned."
                    + " Close every entity manager (try-with-resources), ending its transaction first"
                    + (began == null ? "; set the logger '" + LOGGER + "' to DEBUG to see where it began." : ".");
            if (began == null) {
                LOG.warn(message);
            } else {
                LOG.warn(message, began);
            }
        }
    }
}
