package dev.multidb.conformance;

import dev.multidb.MultiDbEntityManager;
import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.conformance.model.Item;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rules of the Jakarta Persistence 3.2 specification whose effect lies beyond one call, each checked on every
 * {@link Side}, plain Hibernate included, with what each database then holds read through its own state (JDBC
 * for multidb aliases, a fresh entity manager bypassing every cache for plain Hibernate).
 */
class JpaRulesTest {

    @BeforeEach
    void seed() {
        for (Side side : Side.values()) {
            Units.reseed(Profile.HIBERNATE_DEFAULTS, side);
        }
    }

    /** Section 7.9.1: closed with an active transaction, the persistence context lives until the transaction ends. */
    @ParameterizedTest
    @EnumSource(Side.class)
    void closeInATransactionKeepsThePersistenceContextUntilCommit(Side side) {
        EntityManagerFactory factory = Units.of(side);
        EntityManager em = factory.createEntityManager();
        EntityTransaction transaction = em.getTransaction();
        transaction.begin();
        Item item = em.find(Item.class, 1L);
        item.setName("changed before close");
        em.persist(new Item(50, "persisted before close"));
        em.close();

        assertThat(em.isOpen()).isFalse();
        assertThat(em.getTransaction()).isSameAs(transaction);
        assertThat(transaction.isActive()).isTrue();
        assertThat(em.find(Item.class, 2L).getName()).as("find on a closed entity manager in its transaction")
                .isEqualTo("second");
        item.setName("changed after close");
        transaction.commit();

        assertThat(transaction.isActive()).isFalse();
        assertThat(names(side)).isEqualTo("1:changed after close,2:second,50:persisted before close");
        assertThatThrownBy(transaction::begin).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> em.find(Item.class, 1L)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void closeInATransactionThenRollbackWritesNothing(Side side) {
        EntityManager em = Units.of(side).createEntityManager();
        em.getTransaction().begin();
        em.find(Item.class, 1L).setName("rolled back");
        em.persist(new Item(51, "rolled back"));
        em.close();
        em.getTransaction().rollback();
        assertThat(names(side)).isEqualTo("1:first,2:second");
    }

    /** A closed entity manager's operations fail and mark its still active transaction for rollback. */
    @ParameterizedTest
    @EnumSource(Side.class)
    void anOperationOnAClosedEntityManagerMarksItsTransactionForRollback(Side side) {
        EntityManager em = Units.of(side).createEntityManager();
        em.getTransaction().begin();
        em.find(Item.class, 1L).setName("never committed");
        em.close();
        assertThatThrownBy(() -> em.persist(new Item(52, "x"))).isInstanceOf(IllegalStateException.class);
        assertThat(em.getTransaction().getRollbackOnly()).isTrue();
        em.getTransaction().commit(); // Hibernate's default: a marked transaction is rolled back without an exception
        assertThat(names(side)).isEqualTo("1:first,2:second");
    }

    /** The second alias too: both aliases' work commits after close (two aliases, no router, using()). */
    @ParameterizedTest
    @EnumSource(value = Side.class, names = {"TWO_ALIASES", "TWO_ALIASES_ROUTED"})
    void closeInATransactionKeepsEveryAliasUntilCommit(Side side) {
        MultiDbEntityManagerFactory factory = (MultiDbEntityManagerFactory) Units.of(side);
        MultiDbEntityManager em = factory.createEntityManager();
        em.getTransaction().begin();
        em.find(Item.class, 1L).setName("default after close");
        em.using("other").persist(new Item(53, "other after close"));
        em.close();
        em.getTransaction().commit();
        assertThat(jdbc(factory, "default", "select name from Item where id = 1")).isEqualTo("default after close");
        assertThat(jdbc(factory, "other", "select name from Item where id = 53")).isEqualTo("other after close");
        assertThat(jdbc(factory, "default", "select count(*) from Item where id = 53")).isEqualTo("0");
        // still reachable; the entity manager is closed for good now: a new transaction is refused
        assertThatThrownBy(() -> em.getTransaction().begin()).isInstanceOf(IllegalStateException.class);
        cleanOther(factory);
    }

    /** Closed in its transaction, a commit still flushes every alias before any commits: a failing insert commits nothing. */
    @ParameterizedTest
    @EnumSource(value = Side.class, names = {"TWO_ALIASES", "TWO_ALIASES_ROUTED"})
    void closeInATransactionThenAFailingFlushCommitsNothingAnywhere(Side side) {
        MultiDbEntityManagerFactory factory = (MultiDbEntityManagerFactory) Units.of(side);
        MultiDbEntityManager em = factory.createEntityManager();
        em.getTransaction().begin();
        em.using("default").persist(new Item(72, "must not be committed"));
        em.using("other").persist(new Item(73, "a name longer than its column ".repeat(20)));
        em.close();
        assertThatThrownBy(() -> em.getTransaction().commit()).isInstanceOf(jakarta.persistence.RollbackException.class);
        assertThat(jdbc(factory, "default", "select count(*) from Item where id = 72")).isEqualTo("0");
        assertThat(jdbc(factory, "other", "select count(*) from Item")).isEqualTo("0");
    }

    /** The factory's Cache sees the entries a commit left, whichever alias they belong to, and evicts them. */
    @ParameterizedTest
    @EnumSource(Side.class)
    void theCacheSeesAndEvictsWhatEveryAliasCached(Side side) {
        EntityManagerFactory factory = Units.of(side);
        factory.getCache().evictAll();
        try (EntityManager em = factory.createEntityManager()) {
            em.find(Item.class, 1L);
        }
        assertThat(factory.getCache().contains(Item.class, 1L)).isTrue();
        assertThat(factory.getCache().contains(Item.class, 2L)).isFalse();
        factory.getCache().evict(Item.class, 1L);
        assertThat(factory.getCache().contains(Item.class, 1L)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Side.class, names = {"TWO_ALIASES", "TWO_ALIASES_ROUTED"})
    void theCacheSeesEntriesOfTheSecondAlias(Side side) {
        MultiDbEntityManagerFactory factory = (MultiDbEntityManagerFactory) Units.of(side);
        factory.runInTransaction(em -> ((MultiDbEntityManager) em).using("other").persist(new Item(60, "on other")));
        factory.getCache().evictAll();
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            assertThat(em.using("other").find(Item.class, 60L).getName()).isEqualTo("on other");
        }
        assertThat(factory.getCache().contains(Item.class, 60L)).isTrue();
        factory.getCache().evict(Item.class, 60L);
        assertThat(factory.getCache().contains(Item.class, 60L)).isFalse();
        cleanOther(factory);
    }

    /**
     * A deliberate difference, written down in README: outside a transaction, connections are in auto-commit
     * mode, HikariCP's default (Hibernate's own pools default to {@code hibernate.connection.autocommit=false}).
     * {@code multidb.databases.<alias>.hikari.autoCommit=false} gives Hibernate's behaviour.
     */
    @ParameterizedTest
    @EnumSource(Side.class)
    void outsideATransactionConnectionsAutoCommitUnlessTheirPoolSaysOtherwise(Side side) {
        try (EntityManager em = Units.of(side).createEntityManager()) {
            boolean autoCommit = em.<Connection, Boolean>callWithConnection(Connection::getAutoCommit);
            assertThat(autoCommit).isEqualTo(side.multidb());
        }
        if (side.multidb()) {
            try (EntityManagerFactory factory = side.buildUncached("multidb.databases.default.hikari.autoCommit", "false");
                 EntityManager em = factory.createEntityManager()) {
                assertThat(em.<Connection, Boolean>callWithConnection(Connection::getAutoCommit)).isFalse();
            }
        }
    }

    private static String names(Side side) {
        return EntityManagerMatrixTest.rows(Profile.HIBERNATE_DEFAULTS, side);
    }

    private static String jdbc(MultiDbEntityManagerFactory factory, String alias, String sql) {
        try (Connection connection = factory.dataSource(alias).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void cleanOther(MultiDbEntityManagerFactory factory) {
        factory.runInTransaction(em -> ((MultiDbEntityManager) em).using("other")
                .createQuery("delete from Item").executeUpdate());
    }
}
