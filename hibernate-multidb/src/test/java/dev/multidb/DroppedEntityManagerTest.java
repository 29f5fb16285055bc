package dev.multidb;

import dev.multidb.support.TestFactories;
import dev.multidb.testmodel.Person;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Map;

import static dev.multidb.support.TestFactories.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An entity manager dropped, unclosed, with its transaction active, in a unit with HikariCP's leak detection on: once
 * it is collected, its transaction is rolled back and its connections go back to the pools, with a warning. Pools of one connection prove it: without
 * the clean-up the next transaction would wait for a connection for ever.
 */
class DroppedEntityManagerTest {

    @Test
    void aDroppedEntityManagerIsRolledBackAndItsConnectionsReturned() throws Exception {
        try (MultiDbEntityManagerFactory factory = TestFactories.books(Map.of(
                "multidb.databases.default.hikari.leakDetectionThreshold", "60000",
                "multidb.databases.default.hikari.maximumPoolSize", "1",
                "multidb.databases.default.hikari.minimumIdle", "0",
                "multidb.databases.default.hikari.connectionTimeout", "250",
                "multidb.databases.other.hikari.maximumPoolSize", "1",
                "multidb.databases.other.hikari.minimumIdle", "0",
                "multidb.databases.other.hikari.connectionTimeout", "250"))) {
            PrintStream original = System.err;
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            try {
                dropOne(factory);
                boolean returned = false;
                for (int attempt = 0; attempt < 100 && !returned; attempt++) {
                    System.gc();
                    Thread.sleep(50);
                    returned = bothPoolsGiveAConnection(factory);
                }
                assertThat(returned).as("both connections back in their pools").isTrue();
            } finally {
                System.setErr(original);
            }
            assertThat(count(factory, "default", "Person")).as("rolled back").isZero();
            assertThat(count(factory, "other", "Person")).as("rolled back").isZero();
            assertThat(log.toString(StandardCharsets.UTF_8))
                    .contains("An entity manager of unit 'books' was dropped, unclosed, while its transaction was"
                            + " active on [default, other]: it has been rolled back and its connections returned."
                            + " Close every entity manager (try-with-resources), ending its transaction first; set"
                            + " the logger 'dev.multidb.leaks' to DEBUG to see where it began.");
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
