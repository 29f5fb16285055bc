package dev.multidb.conformance;

import dev.multidb.conformance.model.Item;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;


/**
 * Every entry of the {@link Catalogue} in every {@link State}, on plain Hibernate and on each multidb
 * {@link Side}: the result (or exception class), the entity manager's and transaction's state afterwards
 * (open, active, rollback-only) and the rows the database holds once the entity manager is done must be
 * those of plain Hibernate.
 */
class EntityManagerMatrixTest {

    @TestFactory
    Stream<DynamicTest> everyMethodInEveryState() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Profile profile : Profile.values()) {
            for (Catalogue.Entry entry : Catalogue.entries()) {
                for (State state : State.values()) {
                    tests.add(DynamicTest.dynamicTest(entry.label() + " [" + state + ", " + profile + "]",
                            () -> compare(profile, entry, state)));
                }
            }
        }
        return tests.stream();
    }

    private static void compare(Profile profile, Catalogue.Entry entry, State state) {
        Outcome.assertSameAsPlain(entry.label() + " in state " + state + ", " + profile,
                side -> run(profile, side, entry, state));
    }

    static String run(Profile profile, Side side, Catalogue.Entry entry, State state) {
        Units.reseed(profile, side);
        Fixture fixture = state.enter(profile, side);
        Outcome outcome;
        try {
            outcome = Outcome.of(fixture, entry.call());
        } finally {
            State.leave(fixture);
        }
        return outcome + " | rows " + rows(profile, side);
    }

    /** The rows of Item as a fresh entity manager reads them, bypassing the second-level cache. */
    static String rows(Profile profile, Side side) {
        EntityManager em = Units.of(profile, side).createEntityManager();
        try {
            return em.createQuery("select i from Item i order by i.id", Item.class)
                    .setHint("jakarta.persistence.cache.retrieveMode", jakarta.persistence.CacheRetrieveMode.BYPASS)
                    .getResultList().stream().map(i -> i.getId() + ":" + i.getName())
                    .collect(Collectors.joining(","));
        } finally {
            em.close();
        }
    }
}
