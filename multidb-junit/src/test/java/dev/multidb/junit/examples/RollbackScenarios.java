package dev.multidb.junit.examples;

import dev.multidb.MultiDbEntityManager;
import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.StatementListener;
import dev.multidb.junit.model.Note;
import dev.multidb.junit.support.OnlyThroughEngineTestKit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static dev.multidb.junit.support.Rows.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Isolation.ROLLBACK on {@code default} and {@code other}, test by test in order: each test writes, the
 * next one proves it is gone. One subclass per database product.
 */
@OnlyThroughEngineTestKit
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class RollbackScenarios {

    static final List<String> ALIASES = List.of("default", "other");

    /** A row per alias, written before the tests: each test sees it; it is rolled back after the class. */
    @BeforeAll
    static void writeClassFixture(MultiDbEntityManager em) {
        em.getTransaction().begin();
        for (String alias : ALIASES) {
            em.using(alias).persist(new Note("class fixture"));
        }
        em.getTransaction().commit();
    }

    @Test
    @Order(1)
    void writesAndCommitsOnEveryAlias(MultiDbEntityManager em, MultiDbEntityManagerFactory factory)
            throws SQLException {
        em.getTransaction().begin();
        for (String alias : ALIASES) {
            em.using(alias).persist(new Note("committed by the test"));
        }
        em.getTransaction().commit();
        for (String alias : ALIASES) {
            try (Connection connection = factory.dataSource(alias).getConnection();
                 Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.executeUpdate("insert into Note (id, body) values (-100, 'auto-committed')");
            }
        }

        for (String alias : ALIASES) {
            assertThat(count(factory, alias, "Note")).as(alias).isEqualTo(3);
        }
    }

    @Test
    @Order(2)
    void rowsOfThePreviousTestAreGone(MultiDbEntityManagerFactory factory) {
        for (String alias : ALIASES) {
            assertThat(count(factory, alias, "Note")).as(alias).isEqualTo(1);
        }
    }

    @Test
    @Order(3)
    void rollbackUndoesOnlyTheTransactionItEnds(MultiDbEntityManager em, MultiDbEntityManagerFactory factory) {
        em.getTransaction().begin();
        em.using("other").persist(new Note("kept until the end of the test"));
        em.getTransaction().commit();
        em.getTransaction().begin();
        em.using("other").persist(new Note("rolled back"));
        em.flush();
        em.getTransaction().rollback();
        em.getTransaction().begin();
        em.using("other").persist(new Note("rolled back too"));
        em.flush();
        em.getTransaction().rollback();

        assertThat(count(factory, "other", "Note")).isEqualTo(2);
    }

    /** On PostgreSQL a failed statement aborts the transaction; rollback() must recover it. */
    @Test
    @Order(4)
    void failedStatementThenRollbackRecovers(MultiDbEntityManagerFactory factory) throws SQLException {
        try (Connection connection = factory.dataSource("default").getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.executeUpdate("insert into Note (id, body) values (-1, 'kept')");
            connection.commit();
            statement.executeUpdate("insert into Note (id, body) values (-2, 'undone')");
            assertThatThrownBy(() -> statement.executeUpdate("insert into Note (id, body) values (-1, 'duplicate')"))
                    .isInstanceOf(SQLException.class);
            connection.rollback();

            assertThat(count(connection, "Note")).isEqualTo(2);
        }
    }

    /** Other threads get the test's connection too: their writes are rolled back with the test. */
    @Test
    @Order(5)
    void writesOfOtherThreadsAreRolledBackToo(MultiDbEntityManagerFactory factory) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> factory.runInTransaction(em -> em.persist(new Note("from a thread"))));
        writer.setUncaughtExceptionHandler((thread, e) -> failure.set(e));
        writer.start();
        writer.join();

        assertThat(failure.get()).isNull();
        assertThat(count(factory, "default", "Note")).isEqualTo(2);
    }

    /** Savepoints are the extension's business: statement listeners see only the test's statements. */
    @Test
    @Order(6)
    void listenersSeeOnlyTheTestsStatements(MultiDbEntityManager em, MultiDbEntityManagerFactory factory) {
        List<String> seen = new CopyOnWriteArrayList<>();
        StatementListener listener = (alias, sql) -> seen.add(alias + ": " + sql.toLowerCase());
        factory.addStatementListener(listener);
        try {
            em.getTransaction().begin();
            em.persist(new Note("watched"));
            em.getTransaction().commit();
        } finally {
            factory.removeStatementListener(listener);
        }

        assertThat(seen).anyMatch(sql -> sql.startsWith("default: insert into note"));
        assertThat(seen).noneMatch(sql -> sql.contains("savepoint"));
    }

    @Test
    @Order(7)
    void everythingAboveIsGone(MultiDbEntityManagerFactory factory) {
        for (String alias : ALIASES) {
            assertThat(count(factory, alias, "Note")).as(alias).isEqualTo(1);
        }
    }
}
