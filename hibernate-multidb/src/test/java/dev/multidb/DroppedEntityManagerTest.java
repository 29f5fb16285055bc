package dev.multidb;

import dev.multidb.support.LogCapture;
import dev.multidb.support.TestFactories;
import dev.multidb.testmodel.Person;
import jakarta.persistence.EntityTransaction;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;

import static dev.multidb.support.TestFactories.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An entity manager dropped, unclosed, with its transaction active, in a unit with HikariCP's leak detection on: once
 * it is collected, its transaction is rolled back and its connections go back to the pools, with a warning that says
 * where it began. Pools of one connection prove it: without the clean-up the next transaction would never get one.
 */
class DroppedEntityManagerTest {

    private static Map<String, Object> onePerPool(boolean leakDetection) {
        Map<String, Object> properties = new HashMap<>();
        for (String alias : new String[] {"default", "other"}) {
            properties.put("multidb.databases." + alias + ".hikari.maximumPoolSize", "1");
            properties.put("multidb.databases." + alias + ".hikari.minimumIdle", "0");
            properties.put("multidb.databases." + alias + ".hikari.connectionTimeout", "250");
        }
        if (leakDetection) {
            properties.put("multidb.databases.default.hikari.leakDetectionThreshold", "60000");
        }
        return properties;
    }

    @Test
    void aDroppedEntityManagerIsRolledBackAndItsConnectionsReturned() throws Exception {
        try (MultiDbEntityManagerFactory factory = TestFactories.books(onePerPool(true))) {
            String warning = LogCapture.during(() -> {
                dropOne(factory);
                boolean returned = false;
                for (int attempt = 0; attempt < 100 && !returned; attempt++) {
                    System.gc();
                    Thread.sleep(50);
                    returned = bothPoolsGiveAConnection(factory);
                }
                assertThat(returned).as("both connections back in their pools").isTrue();
            });
            assertThat(count(factory, "default", "Person")).as("rolled back").isZero();
            assertThat(count(factory, "other", "Person")).as("rolled back").isZero();
            assertThat(warning)
                    .contains("An entity manager of unit 'books' was dropped, unclosed, while its transaction was"
                            + " active on [default, other]: it has been rolled back and its connections returned."
                            + " Close every entity manager (try-with-resources), ending its transaction first."
                            + " Where it began:")
                    .contains("The dropped entity manager's transaction began here")
                    .contains("at dev.multidb.DroppedEntityManagerTest.dropOne(");
        }
    }

    @Test
    void aTransactionStillHeldKeepsItsEntityManagerAndCommits() throws Exception {
        try (MultiDbEntityManagerFactory factory = TestFactories.books(onePerPool(true))) {
            EntityTransaction transaction = beginAndForgetTheEntityManager(factory);
            WeakReference<Object> probe = new WeakReference<>(new Object());
            for (int attempt = 0; attempt < 20 && probe.get() != null; attempt++) {
                System.gc();
                Thread.sleep(20);
            }
            assertThat(probe.get()).as("the collector ran").isNull();
            Thread.sleep(100); // time for a clean-up that should not happen
            assertThat(transaction.isActive()).isTrue();
            transaction.commit();
            assertThat(count(factory, "default", "Person")).isEqualTo(1L);
            assertThat(count(factory, "other", "Person")).isEqualTo(1L);
        }
    }

    @Test
    void anEntityManagerAndItsViewsHandOutOneTransaction() {
        try (MultiDbEntityManagerFactory factory = TestFactories.books(onePerPool(false));
             MultiDbEntityManager em = factory.createEntityManager()) {
            assertThat(em.getTransaction()).isSameAs(em.getTransaction()).isSameAs(em.using("other").getTransaction());
        }
        try (MultiDbEntityManagerFactory factory = TestFactories.books(onePerPool(true));
             MultiDbEntityManager em = factory.createEntityManager()) {
            assertThat(em.getTransaction()).isSameAs(em.getTransaction()).isSameAs(em.using("other").getTransaction());
        }
    }

    /** Begins a transaction that holds a connection on each alias, and forgets the entity manager. */
    private static void dropOne(MultiDbEntityManagerFactory factory) {
        MultiDbEntityManager em = factory.createEntityManager();
        em.getTransaction().begin();
        em.persist(new Person("never committed"));
        em.using("other").persist(new Person("never committed either"));
        em.flush();
    }

    /** The same, keeping only the transaction. */
    private static EntityTransaction beginAndForgetTheEntityManager(MultiDbEntityManagerFactory factory) {
        MultiDbEntityManager em = factory.createEntityManager();
        EntityTransaction transaction = em.getTransaction();
        transaction.begin();
        em.persist(new Person("committed later"));
        em.using("other").persist(new Person("committed later too"));
        em.flush();
        return transaction;
    }

    private static boolean bothPoolsGiveAConnection(MultiDbEntityManagerFactory factory) {
        for (String alias : new String[] {"default", "other"}) {
            try (Connection connection = factory.dataSource(alias).getConnection()) {
                connection.isValid(1);
            } catch (Exception timedOut) {
                return false;
            }
        }
        return true;
    }
}
