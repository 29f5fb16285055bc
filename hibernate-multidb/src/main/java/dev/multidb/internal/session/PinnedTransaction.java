package dev.multidb.internal.session;

import jakarta.persistence.EntityTransaction;

/**
 * The transaction an entity manager hands out where dropped entity managers are watched
 * ({@link DroppedEntityManagers}): it keeps its entity manager reachable, so that an application holding the
 * transaction and not the entity manager ({@code tx = em.getTransaction()}) never sees it rolled back under it.
 */
final class PinnedTransaction extends ForwardingEntityTransaction {

    @SuppressWarnings({"unused", "FieldCanBeLocal"}) // held for reachability only
    private final Object entityManager;

    PinnedTransaction(EntityTransaction transaction, Object entityManager) {
        super(transaction);
        this.entityManager = entityManager;
    }

    @Override
    public String toString() {
        return target.toString();
    }
}
