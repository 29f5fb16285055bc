package dev.multidb.junit.examples;

import dev.multidb.MultiDbEntityManager;
import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.junit.MultiDbTest;
import dev.multidb.junit.support.OnlyThroughEngineTestKit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Two classes on the same unit, recording what they are given, for the tests to compare. */
public final class SharingExamples {

    /** Every factory injected, in order. */
    public static final List<EntityManagerFactory> FACTORIES = new CopyOnWriteArrayList<>();
    /** Every entity manager injected into a test method, in order. */
    public static final List<EntityManager> TEST_ENTITY_MANAGERS = new CopyOnWriteArrayList<>();
    /** Every entity manager injected into a {@code @BeforeEach} method, in order. */
    public static final List<EntityManager> BEFORE_EACH_ENTITY_MANAGERS = new CopyOnWriteArrayList<>();

    private SharingExamples() {
    }

    public static void clear() {
        FACTORIES.clear();
        TEST_ENTITY_MANAGERS.clear();
        BEFORE_EACH_ENTITY_MANAGERS.clear();
        CONSTRUCTOR_ENTITY_MANAGERS.clear();
    }

    @OnlyThroughEngineTestKit
    @MultiDbTest(unit = "junit-h2")
    public static class FirstClass {

        @BeforeEach
        void before(MultiDbEntityManager em) {
            BEFORE_EACH_ENTITY_MANAGERS.add(em);
        }

        @Test
        void one(MultiDbEntityManager em, MultiDbEntityManagerFactory factory) {
            TEST_ENTITY_MANAGERS.add(em);
            FACTORIES.add(factory);
        }

        @Test
        void two(EntityManager em, EntityManagerFactory factory) {
            TEST_ENTITY_MANAGERS.add(em);
            FACTORIES.add(factory);
        }
    }

    /** Every entity manager injected into a constructor, in order. */
    public static final List<EntityManager> CONSTRUCTOR_ENTITY_MANAGERS = new CopyOnWriteArrayList<>();

    @OnlyThroughEngineTestKit
    @MultiDbTest(unit = "junit-h2")
    public static class ConstructorInjected {

        private final MultiDbEntityManager em;

        public ConstructorInjected(MultiDbEntityManager em) {
            this.em = em;
        }

        @Test
        void four(MultiDbEntityManager sameEm) {
            CONSTRUCTOR_ENTITY_MANAGERS.add(em);
            TEST_ENTITY_MANAGERS.add(sameEm);
        }

        @Test
        void five(MultiDbEntityManager sameEm) {
            CONSTRUCTOR_ENTITY_MANAGERS.add(em);
            TEST_ENTITY_MANAGERS.add(sameEm);
        }
    }

    @OnlyThroughEngineTestKit
    @MultiDbTest(unit = "junit-h2", databases = {"default", "other"})
    public static class SecondClass {

        @Test
        void three(MultiDbEntityManager em, MultiDbEntityManagerFactory factory) {
            TEST_ENTITY_MANAGERS.add(em);
            FACTORIES.add(factory);
        }
    }
}
