package dev.multidb;

import dev.multidb.support.StatementRecorder;
import dev.multidb.support.TestFactories;
import dev.multidb.testmodel.Book;
import dev.multidb.testmodel.Person;
import dev.multidb.testmodel.Pet;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.RollbackException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.CriteriaUpdate;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static dev.multidb.support.TestFactories.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every operation of EntityManager, routed: a router reads people from 'other' and everything else from
 * 'default'; writes go where the instance is stuck, else to 'default'.
 */
class EntityManagerOperationsTest {

    static final class PeopleOnOther implements DatabaseRouter {
        @Override
        public String dbForRead(Class<?> entityType, Hints hints) {
            return entityType == Person.class ? "other" : null;
        }

        @Override
        public String dbForWrite(Class<?> entityType, Hints hints) {
            return entityType == Person.class ? "other" : null;
        }

        @Override
        public Boolean allowRelation(Object a, Object b, Hints hints) {
            return Boolean.TRUE;
        }
    }

    private static final StatementRecorder statements = new StatementRecorder();
    private static MultiDbEntityManagerFactory factory;
    private Person marty;

    @BeforeAll
    static void start() {
        factory = TestFactories.books(Map.of("multidb.routers", new PeopleOnOther()));
        factory.addStatementListener(statements);
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @BeforeEach
    void seed() {
        for (String alias : List.of("default", "other")) {
            inTransaction(em -> {
                em.using(alias).createNativeQuery("delete from Book_Person").executeUpdate();
                em.using(alias).createQuery("delete from Book").executeUpdate();
                em.using(alias).createQuery("delete from Person").executeUpdate();
            });
        }
        marty = new Person("Marty");
        inTransaction(em -> em.persist(marty));
        statements.clear();
    }

    private static void inTransaction(Consumer<MultiDbEntityManager> work) {
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        }
    }

    @Test
    void getReferenceIsAProxyOnTheReadAliasThatLoadsThere() {
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            Person reference = em.getReference(Person.class, marty.getId());
            assertThat(Hibernate.isInitialized(reference)).isFalse();
            assertThat(em.aliasOf(reference)).isEqualTo("other");
            assertThat(MultiDb.aliasOf(reference)).isEqualTo("other");
            assertThat(reference.getName()).isEqualTo("Marty");
        }
        assertThat(statements.aliasesOf("select")).containsExactly("other");
    }

    @Test
    void refreshLockDetachAndContainsActOnTheManagingAlias() {
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            em.getTransaction().begin();
            Person person = em.find(Person.class, marty.getId());
            person.setName("Changed in memory");
            em.refresh(person);
            assertThat(person.getName()).isEqualTo("Marty");
            em.lock(person, LockModeType.PESSIMISTIC_WRITE);
            assertThat(em.getLockMode(person)).isEqualTo(LockModeType.PESSIMISTIC_WRITE);
            assertThat(em.contains(person)).isTrue();
            em.detach(person);
            assertThat(em.contains(person)).isFalse();
            assertThat(em.aliasOf(person)).as("a detached instance stays stuck").isEqualTo("other");
            em.getTransaction().commit();
        }
        assertThat(statements.statements()).extracting(StatementRecorder.Statement::alias).containsOnly("other");
    }

    @Test
    void refreshOfAnUnmanagedInstanceFailsAsJpaSays() {
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            // Hibernate's own refusal, as on plain Hibernate
            assertThatThrownBy(() -> em.refresh(new Person("never stored")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not associated with the persistence context");
        }
    }

    @Test
    void clearDetachesEverythingOnEveryAlias() {
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            Person person = em.find(Person.class, marty.getId());
            Book book = new Book("On default");
            em.getTransaction().begin();
            em.persist(book);
            em.clear();
            assertThat(em.contains(person)).isFalse();
            assertThat(em.contains(book)).isFalse();
            em.getTransaction().rollback();
        }
    }

    @Test
    void criteriaQueriesRouteByTheirRoot() {
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Person> people = cb.createQuery(Person.class);
            people.select(people.from(Person.class));
            assertThat(em.createQuery(people).getResultList()).extracting(Person::getName).containsExactly("Marty");
            CriteriaQuery<Book> books = cb.createQuery(Book.class);
            books.select(books.from(Book.class));
            assertThat(em.createQuery(books).getResultList()).isEmpty();

            em.getTransaction().begin();
            CriteriaUpdate<Person> rename = cb.createCriteriaUpdate(Person.class);
            rename.set(rename.from(Person.class).<String>get("name"), "Renamed");
            assertThat(em.createQuery(rename).executeUpdate()).isEqualTo(1);
            CriteriaDelete<Book> delete = cb.createCriteriaDelete(Book.class);
            delete.from(Book.class);
            em.createQuery(delete).executeUpdate();
            em.getTransaction().commit();
        }
        assertThat(statements.aliasesOf("select")).containsExactly("other", "default");
        assertThat(statements.aliasesOf("update")).containsExactly("other");
        assertThat(statements.aliasesOf("delete")).isNotEmpty().containsOnly("default");
        assertThat(TestFactories.value(factory, "other", "select name from Person")).isEqualTo("Renamed");
    }

    @Test
    void namedAndNativeQueriesRoute() {
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            assertThat(em.createNamedQuery("Person.byName", Person.class).setParameter("name", "Marty")
                    .getResultList()).hasSize(1);
            assertThat(em.createNativeQuery("select * from Person", Person.class).getResultList()).hasSize(1);
            assertThat(em.createNativeQuery("select count(*) from Person").getSingleResult())
                    .as("native SQL without an entity goes to default").isEqualTo(0L);
            assertThat(em.using("other").createNativeQuery("select count(*) from Person").getSingleResult())
                    .isEqualTo(1L);
        }
        assertThat(statements.aliasesOf("select")).containsExactly("other", "other", "default", "other");
    }

    @Test
    void fetchJoinsAndEntityGraphsWorkWithinOneAlias() {
        inTransaction(em -> {
            Person editor = em.find(Person.class, marty.getId());
            Book book = new Book("Edited");
            book.setEditor(editor);
            em.using("other").persist(book);
        });
        statements.clear();

        try (MultiDbEntityManager em = factory.createEntityManager()) {
            Book fetched = em.using("other").createQuery("from Book b join fetch b.editor", Book.class)
                    .getSingleResult();
            assertThat(Hibernate.isInitialized(fetched.getEditor())).isTrue();
        }
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            EntityGraph<Book> graph = em.createEntityGraph(Book.class);
            graph.addAttributeNode("editor");
            Book book = em.using("other").createQuery("from Book", Book.class)
                    .setHint("jakarta.persistence.fetchgraph", graph).getSingleResult();
            assertThat(Hibernate.isInitialized(book.getEditor())).isTrue();
        }
        assertThat(statements.statements()).hasSize(2).extracting(StatementRecorder.Statement::alias)
                .containsOnly("other");
    }

    @Test
    void flushModeAndPropertiesApplyToEveryChild() {
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            em.setFlushMode(FlushModeType.COMMIT);
            em.setProperty("jakarta.persistence.query.timeout", 5000);
            em.getTransaction().begin();
            em.persist(new Person("Not flushed before the query"));
            assertThat(em.createQuery("select count(p) from Person p", Long.class).getSingleResult()).isEqualTo(1L);
            assertThat(em.using("other").unwrap(Session.class).getFlushMode()).isEqualTo(FlushModeType.COMMIT);
            assertThat(em.getProperties()).containsEntry("jakarta.persistence.query.timeout", 5000);
            em.getTransaction().commit();
        }
        assertThat(count(factory, "other", "Person")).isEqualTo(2);
    }

    @Test
    void unwrapGivesTheDefaultSessionAndUsingGivesTheAliasSession() {
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            assertThat(em.unwrap(Session.class).getTenantIdentifierValue()).isEqualTo("default");
            assertThat(em.using("other").unwrap(Session.class).getTenantIdentifierValue()).isEqualTo("other");
            assertThat(em.using("other").unwrap(MultiDbEntityManager.class)).isSameAs(em);
            assertThatThrownBy(() -> em.using("other").close()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("A using('other') view cannot be closed on its own; close the MultiDbEntityManager"
                            + " it came from.");
        }
    }

    @Test
    void transactionFollowsJpaRules() {
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            var transaction = em.getTransaction();
            assertThat(transaction.isActive()).isFalse();
            assertThatThrownBy(transaction::commit).isInstanceOf(IllegalStateException.class);
            transaction.begin();
            assertThatThrownBy(transaction::begin).isInstanceOf(IllegalStateException.class);
            em.persist(new Person("Marked for rollback"));
            em.persist(new Book("Marked for rollback"));
            transaction.setRollbackOnly();
            assertThat(transaction.getRollbackOnly()).isTrue();
            transaction.commit(); // as Hibernate: rolled back, RollbackException only with hibernate.jpa.compliance.transaction
            assertThat(transaction.isActive()).isFalse();
        }
        assertThat(count(factory, "other", "Person")).isEqualTo(1);
        assertThat(count(factory, "default", "Book")).isZero();
    }

    @Test
    void failingFlushOnOneAliasCommitsNothingOnAnyAlias() {
        inTransaction(em -> em.createNativeQuery("delete from Pet").executeUpdate());
        inTransaction(em -> em.createNativeQuery("insert into Pet (id, name) values (99, 'already there')")
                .executeUpdate());
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            em.getTransaction().begin();
            em.persist(new Person("Flushed on other, then rolled back"));
            em.persist(new Pet(99L, "Duplicate id on default"));
            assertThatThrownBy(() -> em.getTransaction().commit()).isInstanceOf(RollbackException.class)
                    .hasMessageStartingWith("The flush before commit failed; every alias was rolled back:");
            assertThat(em.getTransaction().isActive()).isFalse();
        }
        assertThat(count(factory, "other", "Person")).isEqualTo(1);
        assertThat(count(factory, "default", "Pet")).isEqualTo(1);
    }
}
