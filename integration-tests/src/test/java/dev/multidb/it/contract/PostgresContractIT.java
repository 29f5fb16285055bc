package dev.multidb.it.contract;

import dev.multidb.MultiDbEntityManager;
import dev.multidb.PartialCommitException;
import dev.multidb.testmodel.Person;
import dev.multidb.testservers.DatabaseServers;
import dev.multidb.testservers.Server;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract on a real PostgreSQL server, plus what only PostgreSQL can show: a failing commit. */
class PostgresContractIT extends EntityManagerContract {

    @Override
    protected Server server() {
        return DatabaseServers.postgres();
    }

    @Test
    void commitFailingOnTheSecondAliasAfterTheFirstCommittedIsReportedAsPartial() throws SQLException {
        // A deferred constraint is checked at commit: the flush passes, the commit of 'other' fails.
        execute("other", "alter table Person add constraint person_name_unique unique (name)"
                + " deferrable initially deferred");
        try {
            try (MultiDbEntityManager em = factory.createEntityManager()) {
                em.getTransaction().begin();
                em.persist(new Person("kept on default"));
                em.flush();
                em.using("other").persist(new Person("twin"));
                em.using("other").persist(new Person("twin"));
                assertThatThrownBy(() -> em.getTransaction().commit())
                        .isInstanceOfSatisfying(PartialCommitException.class, e -> {
                            assertThat(e.committed()).containsExactly("default");
                            assertThat(e.rolledBack()).containsExactly("other");
                        })
                        .hasMessageStartingWith("The commit failed part-way: committed on [default], rolled back"
                                + " on [other].");
                assertThat(em.getTransaction().isActive()).isFalse();
            }
            assertThat(count("default", "Person")).isEqualTo(1);
            assertThat(count("other", "Person")).isZero();
        } finally {
            execute("other", "alter table Person drop constraint person_name_unique");
        }
    }

    /** 70 000 ids: the three of the people on 'default', then ids nobody has, the first of them twice. */
    private List<Long> seventyThousandIds() {
        List<Long> ids = new ArrayList<>();
        inTransaction(em -> {
            for (String name : List.of("Ann", "Bob", "Ann")) {
                Person person = new Person(name);
                em.persist(person);
                em.flush();
                ids.add(person.getId());
            }
        });
        for (long id = 1_000_000; ids.size() < 70_000; id++) {
            ids.add(id);
        }
        ids.add(ids.get(0));
        return ids;
    }

    @Test
    void updatesAndDeletesWithHugeIdListsRunInChunksAndAddUpTheirCounts() {
        List<Long> ids = seventyThousandIds();
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            em.getTransaction().begin();
            assertThat(em.createQuery("update Person p set p.name = :name where p.id in :ids")
                    .setParameter("name", "renamed").setParameter("ids", ids).executeUpdate())
                    .as("each of the three rows once, although its id is in the list twice").isEqualTo(3);
            assertThat(em.createQuery("delete from Person p where p.id in :ids and p.name = 'renamed'")
                    .setParameter("ids", ids).executeUpdate()).isEqualTo(3);
            em.getTransaction().commit();
        }
        assertThat(count("default", "Person")).isZero();
        assertThat(statements.all()).filteredOn(s -> s.sql().startsWith("update")).hasSize(2);
    }

    @Test
    void aDistinctSelectInChunksStaysDistinct() {
        List<Long> ids = seventyThousandIds();
        List<Long> backwards = new ArrayList<>(ids);
        Collections.reverse(backwards);
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            List<String> names = em.createQuery("select distinct p.name from Person p where p.id in :ids",
                    String.class).setParameter("ids", backwards).getResultList();
            assertThat(names).containsExactlyInAnyOrder("Ann", "Bob");
            assertThat(em.createQuery("select p.name from Person p where p.id in :ids and p.name = 'Bob'",
                    String.class).setParameter("ids", ids).getSingleResult()).isEqualTo("Bob");
        }
    }

    @Test
    void aHugeListInAQueryWhoseChunksWouldNotAddUpFailsBeforeAnythingRuns() {
        List<Long> ids = seventyThousandIds();
        statements.clear();
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            TypedQuery<Person> ordered = em.createQuery("select p from Person p where p.id in :ids order by p.name",
                    Person.class).setParameter("ids", ids);
            assertThatThrownBy(ordered::getResultList)
                    .isInstanceOf(PersistenceException.class)
                    .hasMessage("The query binds 70001 values, more than the 65535 bind parameters PostgreSQL accepts"
                            + " in one statement, and it cannot run in chunks: it has an ORDER BY. A query runs in"
                            + " chunks when its largest list is an IN list bound to a parameter used once and ANDed"
                            + " with the rest of the WHERE clause, and it is an update, a delete, or a select without"
                            + " ORDER BY, GROUP BY, aggregates, set operators or a row limit. Change the query so,"
                            + " split the list yourself, or join a table holding the values.");
            TypedQuery<Person> either = em.createQuery("select p from Person p where p.id in :ids or p.name = 'Bob'",
                    Person.class).setParameter("ids", ids);
            assertThatThrownBy(either::getResultList).isInstanceOf(PersistenceException.class)
                    .hasMessageContaining("cannot run in chunks: its largest list, parameter 'ids', is not an IN list"
                            + " ANDed with the rest of the WHERE clause, or is used more than once.");
            TypedQuery<Person> limited = em.createQuery("select p from Person p where p.id in :ids", Person.class)
                    .setParameter("ids", ids).setMaxResults(10);
            assertThatThrownBy(limited::getResultList).isInstanceOf(PersistenceException.class)
                    .hasMessageContaining("cannot run in chunks: it limits its rows (setFirstResult or setMaxResults).");
        }
        assertThat(statements.all()).as("nothing sent").isEmpty();
    }

    /** JPA 3.2 section 3.11: a query's runtime exception (but NoResult/NonUnique/timeouts) marks the transaction. */
    @Test
    void aRefusedChunkedQueryMarksTheTransactionForRollbackAsHibernatesOwnFailuresDo() {
        List<Long> ids = seventyThousandIds();
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            em.getTransaction().begin();
            TypedQuery<Person> ordered = em.createQuery("select p from Person p where p.id in :ids order by p.name",
                    Person.class).setParameter("ids", ids);
            assertThatThrownBy(ordered::getResultList).isInstanceOf(PersistenceException.class);
            assertThat(em.getTransaction().getRollbackOnly()).isTrue();
            em.getTransaction().rollback();

            em.getTransaction().begin();
            TypedQuery<String> two = em.createQuery("select p.name from Person p where p.id in :ids", String.class)
                    .setParameter("ids", ids);
            assertThatThrownBy(two::getSingleResult).isInstanceOf(jakarta.persistence.NonUniqueResultException.class);
            assertThat(em.getTransaction().getRollbackOnly()).as("NonUniqueResultException does not mark").isFalse();
            em.getTransaction().rollback();
        }
    }

    private void execute(String alias, String sql) throws SQLException {
        try (Connection connection = factory.dataSource(alias).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
