package dev.multidb.conformance;

import dev.multidb.conformance.model.Item;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.TypedQuery;

/**
 * What a call of the catalogue works with: an entity manager in one {@link State}, its transaction (taken
 * before the state was entered, so that it can be observed even when the entity manager is closed), and the
 * instances the call passes.
 */
public final class Fixture {

    public final Side side;
    public final EntityManagerFactory factory;
    public final EntityManager em;
    public final EntityTransaction transaction;
    /** Item 1, found by this entity manager before the state was entered (managed unless the state detached it). */
    public final Item managed;
    /** An Item with the id of a row (2) that this entity manager has never seen: detached. */
    public final Item detached = new Item(2, "detached copy");
    /** An Item no database has. */
    public final Item fresh;
    /** An object whose class is no entity. */
    public final Object notAnEntity = new StringBuilder("not an entity");
    /** A query of Item by id, created (parameter bound) before the state was entered. */
    public final TypedQuery<Item> query;

    Fixture(Side side, EntityManagerFactory factory, EntityManager em, EntityTransaction transaction, Item managed,
            long freshId, TypedQuery<Item> query) {
        this.side = side;
        this.factory = factory;
        this.em = em;
        this.transaction = transaction;
        this.managed = managed;
        this.fresh = new Item(freshId, "fresh");
        this.query = query;
    }
}
