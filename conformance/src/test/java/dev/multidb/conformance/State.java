package dev.multidb.conformance;

import dev.multidb.conformance.model.Item;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.TypedQuery;

/** The states of an application-managed, resource-local entity manager in which every method is called. */
public enum State {
    /** Open, no transaction. */
    OPEN,
    /** A transaction is active. */
    ACTIVE,
    /** A transaction is active and marked for rollback. */
    ROLLBACK_ONLY,
    /** Closed with no transaction. */
    CLOSED,
    /** Closed while its transaction was active (JPA 3.2 section 7.9.1: the persistence context lives on). */
    CLOSED_IN_TRANSACTION;

    Fixture enter(Profile profile, Side side) {
        EntityManagerFactory factory = Units.of(profile, side);
        EntityManager em = factory.createEntityManager();
        EntityTransaction transaction = em.getTransaction();
        if (this == ACTIVE || this == ROLLBACK_ONLY || this == CLOSED_IN_TRANSACTION) {
            transaction.begin();
        }
        Item managed = em.find(Item.class, 1L);
        TypedQuery<Item> query = em.createQuery("select i from Item i where i.id = :id", Item.class)
                .setParameter("id", 1L);
        if (this == ROLLBACK_ONLY) {
            transaction.setRollbackOnly();
        }
        if (this == CLOSED || this == CLOSED_IN_TRANSACTION) {
            em.close();
        }
        return new Fixture(side, factory, em, transaction, managed, 1000, query);
    }

    /** Ends what a call left behind: an active transaction is rolled back, an open entity manager closed. */
    static void leave(Fixture fixture) {
        try {
            if (fixture.transaction.isActive()) {
                fixture.transaction.rollback();
            }
        } catch (RuntimeException ignored) {
            // what rollback does in each state is compared by the calls themselves
        }
        try {
            if (fixture.em.isOpen()) {
                fixture.em.close();
            }
        } catch (RuntimeException ignored) {
            // likewise
        }
    }
}
