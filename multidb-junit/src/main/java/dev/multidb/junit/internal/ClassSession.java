package dev.multidb.junit.internal;

import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.junit.Isolation;
import dev.multidb.junit.MultiDbTest;

import java.sql.SQLException;

/**
 * One test class's use of a shared factory, from before its first test to after its last: its
 * declaration is the one in force, and its isolation holds what it needs (pinned connections).
 * {@code @Nested} classes run inside the session of their enclosing class.
 */
final class ClassSession implements AutoCloseable {

    private final String ownerId;
    private final SharedFactory shared;
    private final Declaration declaration;
    private final Declaration previous;
    private final TestIsolation isolation;
    private boolean closed;

    private ClassSession(String ownerId, SharedFactory shared, Declaration declaration, Declaration previous,
                         TestIsolation isolation) {
        this.ownerId = ownerId;
        this.shared = shared;
        this.declaration = declaration;
        this.previous = previous;
        this.isolation = isolation;
    }

    /**
     * Checks the declaration, puts it in force and sets up the isolation.
     *
     * @param ownerId the unique id of the class's extension context
     * @throws dev.multidb.UnknownDatabaseException for a declared alias the unit does not configure
     */
    static ClassSession open(String ownerId, Class<?> testClass, MultiDbTest annotation, SharedFactory shared)
            throws SQLException {
        Declaration declaration = Declaration.of(testClass, annotation, shared.factory().aliases());
        Declaration previous = shared.guard().swap(declaration);
        try {
            TestIsolation isolation = annotation.isolation() == Isolation.TRUNCATE
                    ? new TableFlush(shared, declaration.aliases())
                    : RollbackIsolation.pin(shared, declaration.aliases());
            return new ClassSession(ownerId, shared, declaration, previous, isolation);
        } catch (SQLException | RuntimeException e) {
            shared.guard().swap(previous);
            throw e;
        }
    }

    boolean isOwnedBy(String contextId) {
        return ownerId.equals(contextId);
    }

    MultiDbEntityManagerFactory factory() {
        return shared.factory();
    }

    Declaration declaration() {
        return declaration;
    }

    void beforeTest() throws SQLException {
        isolation.beforeTest();
    }

    void afterTest() throws SQLException {
        isolation.afterTest();
    }

    /** Releases the isolation and puts the previous declaration back in force. Closing twice is harmless. */
    @Override
    public synchronized void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            isolation.close();
        } finally {
            shared.guard().swap(previous);
        }
    }
}
