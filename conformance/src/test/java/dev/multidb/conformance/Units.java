package dev.multidb.conformance;

import dev.multidb.conformance.model.Item;
import dev.multidb.conformance.model.Owner;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * One factory per {@link Side}, built once per test run (Hibernate's bootstrap is the expensive part) and
 * closed when the JVM ends. Every test starts from {@link #reseed}: the same rows on every side.
 */
public final class Units {

    private static final Map<String, EntityManagerFactory> FACTORIES = new HashMap<>();
    private static boolean hooked;

    private Units() {
    }

    /** The shared factory of {@code side} under Hibernate's default compliance settings. */
    public static EntityManagerFactory of(Side side) {
        return of(Profile.HIBERNATE_DEFAULTS, side);
    }

    public static synchronized EntityManagerFactory of(Profile profile, Side side) {
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FACTORIES.values().forEach(factory -> {
                if (factory.isOpen()) {
                    factory.close();
                }
            })));
        }
        return FACTORIES.computeIfAbsent(profile + "/" + side, key -> side.build(profile.properties()));
    }

    /** Owner 1, Item 1 (owned by owner 1) and Item 2 on 'default' of every side; nothing else; empty caches. */
    public static void reseed(Profile profile, Side side) {
        EntityManagerFactory factory = of(profile, side);
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
