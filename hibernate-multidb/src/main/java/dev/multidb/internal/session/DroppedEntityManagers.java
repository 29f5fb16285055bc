package dev.multidb.internal.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.ref.Cleaner;

/**
 * The safety net for an entity manager that the application dropped, unclosed, while its transaction was active:
 * once the garbage collector finds it unreachable, its transaction is rolled back on every alias and its sessions
 * closed, so that their connections go back to the pools, and a warning says where that transaction began. Only a
 * safety net: the collector decides when (if ever) it runs.
 *
 * <p>On where HikariCP's leak detection is on for an alias ({@code hikari.leakDetectionThreshold}), and then, as
 * HikariCP records where each connection was taken, where each entity manager first began a transaction is
 * recorded (a stack trace). Off otherwise: watching every entity manager that begins a transaction costs a phantom
 * reference each, about 2% of a persist and commit.
 *
 * <p>What is watched is the entity manager; the clean-up holds its transaction and sessions, which know it only
 * weakly. The transaction the application holds ({@link PinnedTransaction}) keeps it reachable, so a transaction
 * still in use is never cleaned up.
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
     * neither may reach the entity manager but weakly.
     */
    static void watch(Object entityManager, String unit, MultiDbTransaction transaction, ChildSessions children) {
        CLEANER.register(entityManager, new CleanUp(unit, transaction, children,
                new Throwable("The dropped entity manager's transaction began here")));
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
            LOG.warn("An entity manager of unit '" + unit + "' was dropped, unclosed, while its transaction was"
                    + " active on [" + aliases + "]: it has been rolled back and its connections returned. Close"
                    + " every entity manager (try-with-resources), ending its transaction first. Where it began:",
                    began);
        }
    }
}
