package dev.multidb.conformance;

import dev.multidb.conformance.model.Item;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;


/**
 * Every entry of the {@link FactoryCatalogue} on an open and on a closed factory, on plain Hibernate and on each
 * multidb {@link Side}: the result or exception class, whether the factory is open afterwards, and the rows.
 */
class FactoryMatrixTest {

    private static final Map<String, EntityManagerFactory> CLOSED = new java.util.HashMap<>();

    @TestFactory
    Stream<DynamicTest> everyFactoryMethodOpenAndClosed() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Profile profile : Profile.values()) {
            for (FactoryCatalogue.Entry entry : FactoryCatalogue.entries()) {
                for (boolean open : new boolean[] {true, false}) {
                    tests.add(DynamicTest.dynamicTest(entry.label() + (open ? " [OPEN, " : " [CLOSED, ") + profile + "]",
                            () -> compare(profile, entry, open)));
                }
            }
        }
        return tests.stream();
    }

    private static void compare(Profile profile, FactoryCatalogue.Entry entry, boolean open) {
        Outcome.assertSameAsPlain(entry.label() + " on a" + (open ? "n open" : " closed") + " factory, " + profile,
                side -> run(profile, side, entry, open));
    }

    private static String run(Profile profile, Side side, FactoryCatalogue.Entry entry, boolean open) {
        Units.reseed(profile, side);
        Item loaded = loadItem(Units.of(profile, side));
        EntityManagerFactory factory = !open ? closed(profile, side)
                : entry.ownFactory() ? side.buildUncached(profile.properties()) : Units.of(profile, side);
        String result;
        try {
            result = Outcome.describe(entry.call().run(new FactoryCatalogue.Fixture(factory, loaded)));
        } catch (Exception | LinkageError e) {
            result = "throws " + e.getClass().getName();
        } finally {
            if (entry.ownFactory() && open && factory.isOpen()) {
                factory.close();
            }
        }
        return result + " | open=" + factory.isOpen() + " | rows " + EntityManagerMatrixTest.rows(profile, side);
    }

    /** Item 1 as an entity manager of the shared factory found it (which also puts it in the second-level cache). */
    private static Item loadItem(EntityManagerFactory factory) {
        try (EntityManager em = factory.createEntityManager()) {
            return em.find(Item.class, 1L);
        }
    }

    private static synchronized EntityManagerFactory closed(Profile profile, Side side) {
        return CLOSED.computeIfAbsent(profile + "/" + side, key -> {
            EntityManagerFactory factory = side.buildUncached(profile.properties());
            factory.close();
            return factory;
        });
    }
}
