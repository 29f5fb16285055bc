package dev.multidb.conformance;

import dev.multidb.conformance.model.Item;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every entry of the {@link FactoryCatalogue} on an open and on a closed factory, on plain Hibernate and on each
 * multidb {@link Side}: the result or exception class, whether the factory is open afterwards, and the rows.
 */
class FactoryMatrixTest {

    private static final Map<Side, EntityManagerFactory> CLOSED = new EnumMap<>(Side.class);

    @TestFactory
    Stream<DynamicTest> everyFactoryMethodOpenAndClosed() {
        List<DynamicTest> tests = new ArrayList<>();
        for (FactoryCatalogue.Entry entry : FactoryCatalogue.entries()) {
            for (boolean open : new boolean[] {true, false}) {
                tests.add(DynamicTest.dynamicTest(entry.label() + (open ? " [OPEN]" : " [CLOSED]"),
                        () -> compare(entry, open)));
            }
        }
        return tests.stream();
    }

    private static void compare(FactoryCatalogue.Entry entry, boolean open) {
        Map<Side, String> seen = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            seen.put(side, run(side, entry, open));
        }
        String plain = seen.get(Side.PLAIN);
        String differences = Outcome.differencesFromPlain(seen);
        assertThat(differences).as("%s on a%s factory; plain Hibernate: %s", entry.label(), open ? "n open" : " closed",
                plain).isEmpty();
    }

    private static String run(Side side, FactoryCatalogue.Entry entry, boolean open) {
        Units.reseed(Profile.HIBERNATE_DEFAULTS, side);
        Item loaded = loadItem(Units.of(side));
        EntityManagerFactory factory = !open ? closed(side) : entry.ownFactory() ? side.buildUncached() : Units.of(side);
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
        return result + " | open=" + factory.isOpen() + " | rows " + EntityManagerMatrixTest.rows(Profile.HIBERNATE_DEFAULTS, side);
    }

    /** Item 1 as an entity manager of the shared factory found it (which also puts it in the second-level cache). */
    private static Item loadItem(EntityManagerFactory factory) {
        try (EntityManager em = factory.createEntityManager()) {
            return em.find(Item.class, 1L);
        }
    }

    private static synchronized EntityManagerFactory closed(Side side) {
        return CLOSED.computeIfAbsent(side, s -> {
            EntityManagerFactory factory = s.buildUncached();
            factory.close();
            return factory;
        });
    }
}
