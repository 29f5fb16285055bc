package dev.multidb;

import jakarta.persistence.EntityManager;

/**
 * One persistence context spanning every configured alias.
 *
 * <p>Each operation is routed before any connection is taken: reads ({@code find},
 * {@code getReference}, {@code refresh}, select queries) through {@link DatabaseRouter#dbForRead},
 * writes ({@code persist}, {@code merge}, {@code remove}, update and delete queries, pessimistic locks)
 * through {@link DatabaseRouter#dbForWrite}. Behind it, one Hibernate session per alias is opened on
 * first use; an instance belongs to the session of the alias it was loaded from or written to, and its
 * lazy associations load from that alias only.
 *
 * <p>Not thread-safe, like every {@link EntityManager}.
 */
public interface MultiDbEntityManager extends EntityManager {

    /**
     * A view of this entity manager on which every operation, queries included, goes to {@code alias},
     * routers ignored. The view shares this persistence context and transaction.
     *
     * @throws UnknownDatabaseException if {@code alias} is not configured
     */
    EntityManager using(String alias);

    /**
     * The alias {@code entity} is stuck to: the one it was loaded from or last written to, also after it
     * was detached; {@code null} for an instance never loaded or stored.
     */
    String aliasOf(Object entity);
}
