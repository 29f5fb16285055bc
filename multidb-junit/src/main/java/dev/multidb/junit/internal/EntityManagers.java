package dev.multidb.junit.internal;

import dev.multidb.MultiDbEntityManager;
import dev.multidb.MultiDbEntityManagerFactory;

/**
 * The entity manager injected in one extension context (a test method with its {@code @BeforeEach} and
 * {@code @AfterEach} methods, or a class's {@code @BeforeAll}/{@code @AfterAll} methods and constructor):
 * opened on first request, closed when the context's work ends, before its rows are rolled back or
 * emptied.
 */
final class EntityManagers implements AutoCloseable {

    private MultiDbEntityManager entityManager;

    synchronized MultiDbEntityManager get(MultiDbEntityManagerFactory factory) {
        if (entityManager == null) {
            entityManager = factory.createEntityManager();
        }
        return entityManager;
    }

    /** Closes the entity manager (rolling back a transaction left active) unless the test closed it. */
    @Override
    public synchronized void close() {
        MultiDbEntityManager open = entityManager;
        entityManager = null;
        if (open != null && open.isOpen()) {
            open.close();
        }
    }
}
