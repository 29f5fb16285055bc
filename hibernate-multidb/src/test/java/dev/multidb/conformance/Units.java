package dev.multidb.conformance;

import dev.multidb.conformance.model.Item;
import dev.multidb.conformance.model.Owner;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import java.util.EnumMap;
import java.util.Map;

/**
 * One factory per {@link Side}, built once per test run (Hibernate's bootstrap is the expensive part) and
 * closed when the JVM ends. Every test starts from {@link #reseed}: the same rows on every side.
 */
public final class Units {

    private static Map<Side, EntityManagerFactory> factories;

    private Units() {
    }

    public static synchronized EntityManagerFactory of(Side side) {
        if (factories == null) {
            factories = new EnumMap<>(Side.class);
            for (Side each : Side.values()) {
                factories.put(each, each.build());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> factories.values().forEach(EntityManagerFactory::close)));
        }
        return factories.get(side);
    }

    /** Owner 1, Item 1 (owned by owner 1) and Item 2 on 'default' of every side; nothing else; empty caches. */
    public static void reseed(Side side) {
        EntityManagerFactory factory = of(side);
        factory.getCache().evictAll();
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            em.createQuery("delete from Item").executeUpdate();
            em.createQuery("delete from Owner").executeUpdate();
            Owner owner = new Owner(1, "owner");
            em.persist(owner);
            Item item = new Item(1, "first");
            item.setOwner(owner);
            em.persist(item);
            em.persist(new Item(2, "second"));
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        factory.getCache().evictAll();
    }
}
