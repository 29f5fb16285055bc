package dev.multidb;

import dev.multidb.support.StatementRecorder;
import dev.multidb.support.TestFactories;
import dev.multidb.testmodel.Book;
import dev.multidb.testmodel.Person;
import dev.multidb.testmodel.Pet;
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
 * Routers given as instances in the properties map, asked by the entity manager for every operation:
 * Django's RouterTestCase with a write router, proven statement by statement.
 */
class RoutersThroughEntityManagerTest {

    /** Reads of people from 'other', of books from 'default'; writes to 'writer' while writes are on. */
    static final class TestRouter implements DatabaseRouter {
        volatile boolean writesToWriter = true;

        @Override
        public String dbForRead(Class<?> entityType, Hints hints) {
            return entityType == Person.class ? "other" : null;
        }

        @Override
        public String dbForWrite(Class<?> entityType, Hints hints) {
            return writesToWriter ? "writer" : null;
        }

        @Override
        public Boolean allowRelation(Object a, Object b, Hints hints) {
            return Boolean.TRUE;
        }
    }

    static final class ExplodingRouter implements DatabaseRouter {
        static final IllegalStateException FAILURE = new IllegalStateException("router says no");
        volatile boolean explode;

        @Override
        public String dbForRead(Class<?> entityType, Hints hints) {
            if (explode) {
                throw FAILURE;
            }
            return null;
        }
    }

    private static final TestRouter router = new TestRouter();
    private static final ExplodingRouter exploding = new ExplodingRouter();
    private static final StatementRecorder statements = new StatementRecorder();
    private static MultiDbEntityManagerFactory factory;

    @BeforeAll
    static void start() {
        factory = TestFactories.books(Map.of(
                "multidb.databases.writer.url", TestFactories.h2Url("writer"),
                "multidb.routers", List.of(exploding, router)));
        factory.addStatementListener(statements);
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @BeforeEach
    void reset() {
        router.writesToWriter = true;
        exploding.explode = false;
        for (String alias : List.of("default", "other", "writer")) {
            inTransaction(em -> {
                em.using(alias).createNativeQuery("delete from Book_Person").executeUpdate();
                em.using(alias).createQuery("delete from Book").executeUpdate();
                em.using(alias).createQuery("delete from Pet").executeUpdate();
                em.using(alias).createQuery("delete from Person").executeUpdate();
            });
        }
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
    void writesGoWhereTheWriteRouterSays() {
        inTransaction(em -> {
            em.persist(new Person("Written"));
            em.persist(new Book("Also written"));
        });

        assertThat(statements.aliasesOf("insert")).hasSize(2).containsOnly("writer");
        assertThat(count(factory, "writer", "Person")).isEqualTo(1);
        assertThat(count(factory, "default", "Person")).isZero();
    }

    @Test
    void readsGoWhereTheReadRouterSaysAndFallBackToDefault() {
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            em.find(Person.class, 1L);
            em.find(Book.class, 1L);
            em.createQuery("from Person", Person.class).getResultList();
            em.createQuery("select b from Book b", Book.class).getResultList();
            em.getCriteriaBuilder();
        }
        assertThat(statements.aliasesOf("select")).containsExactly("other", "default", "other", "default");
    }

    @Test
    void updateAndDeleteQueriesAreWrites() {
        inTransaction(em -> {
            em.createQuery("update Person p set p.name = 'x'").executeUpdate();
            em.createQuery("delete from Book").executeUpdate();
        });
        assertThat(statements.aliasesOf("update")).containsExactly("writer");
        assertThat(statements.aliasesOf("delete")).isNotEmpty().containsOnly("writer");
    }

    @Test
    void changedInstanceIsWrittenWhereTheRouterSaysAndStuckThereAfterwards() {
        router.writesToWriter = false;
        Person person = new Person("Loaded from other");
        inTransaction(em -> em.using("other").persist(person));
        router.writesToWriter = true;
        statements.clear();

        inTransaction(em -> {
            Person loaded = em.find(Person.class, person.getId());
            assertThat(em.aliasOf(loaded)).isEqualTo("other");
            loaded.setName("Changed");
            em.flush();
            assertThat(MultiDb.aliasOf(loaded)).isEqualTo("writer");
        });

        assertThat(statements.statements()).filteredOn(s -> !s.is("select"))
                .extracting(StatementRecorder.Statement::alias).isNotEmpty().containsOnly("writer");
        assertThat(TestFactories.value(factory, "writer", "select name from Person")).isEqualTo("Changed");
        assertThat(TestFactories.value(factory, "other", "select name from Person")).isEqualTo("Loaded from other");
    }

    @Test
    void queryOnTheLoadingAliasDoesNotAutoFlushAChangeMeantForAnother() {
        router.writesToWriter = false;
        Person person = new Person("Read on other");
        inTransaction(em -> em.using("other").persist(person));
        router.writesToWriter = true;
        statements.clear();

        inTransaction(em -> {
            Person loaded = em.find(Person.class, person.getId());
            loaded.setName("Changed before a query");
            em.createQuery("from Person", Person.class).getResultList();
        });

        assertThat(statements.statements()).filteredOn(s -> !s.is("select"))
                .extracting(StatementRecorder.Statement::alias).isNotEmpty().containsOnly("writer");
        assertThat(TestFactories.value(factory, "other", "select name from Person")).isEqualTo("Read on other");
    }

    @Test
    void aMergeWithUsingMovesTheChangesMeantForAnotherAliasBeforeItIsWritten() {
        router.writesToWriter = false;
        Person person = new Person("Read on other");
        Book book = new Book("Merged onto other");
        inTransaction(em -> {
            em.using("other").persist(person);
            em.using("default").persist(book);
        });
        router.writesToWriter = true;
        statements.clear();

        inTransaction(em -> {
            em.find(Person.class, person.getId()).setName("Changed before the merge");
            // Written to 'other' at once; the change of the person is the write router's, so it leaves first.
            em.using("other").merge(book);
            assertThat(statements.statements()).filteredOn(s -> s.alias().equals("writer") && !s.is("select"))
                    .as("the change moved to writer before the merge's flush of other").isNotEmpty();
        });

        assertThat(TestFactories.value(factory, "other", "select name from Person")).isEqualTo("Read on other");
        assertThat(TestFactories.value(factory, "writer", "select name from Person"))
                .isEqualTo("Changed before the merge");
        assertThat(TestFactories.value(factory, "other", "select title from Book")).isEqualTo("Merged onto other");
    }

    @Test
    void insertingAMovedPendingInstanceDoesNotWriteOtherMovedChangesWhereTheyWereLoaded() {
        router.writesToWriter = false;
        Person loaded = new Person("Loaded on other");
        inTransaction(em -> em.using("other").persist(loaded));
        router.writesToWriter = true;
        statements.clear();

        inTransaction(em -> {
            em.find(Person.class, loaded.getId()).setName("Changed, meant for writer");
            Book pending = new Book("Persisted on other");
            em.using("other").persist(pending);
            pending.setTitle("Changed, meant for writer");
        });

        assertThat(statements.statements()).filteredOn(s -> s.is("update") && s.alias().equals("other")).isEmpty();
        assertThat(TestFactories.value(factory, "other", "select name from Person")).isEqualTo("Loaded on other");
        assertThat(TestFactories.value(factory, "other", "select title from Book")).isEqualTo("Persisted on other");
        assertThat(TestFactories.value(factory, "writer", "select name from Person"))
                .isEqualTo("Changed, meant for writer");
        assertThat(TestFactories.value(factory, "writer", "select title from Book"))
                .isEqualTo("Changed, meant for writer");
    }

    @Test
    void removingElsewhereAnInstanceNotInsertedYetInsertsItAsPersistedAndDetachesIt() {
        inTransaction(em -> em.using("writer").persist(new Pet(7L, "Row on writer")));
        statements.clear();

        inTransaction(em -> {
            Pet pet = new Pet(7L, "As persisted on other");
            em.using("other").persist(pet);
            pet.setName("Changed after the persist");
            em.remove(pet);
            assertThat(em.contains(pet)).isFalse();
            pet.setName("Changed after the remove");
        });

        assertThat(statements.aliasesOf("insert")).containsExactly("other");
        assertThat(statements.aliasesOf("delete")).containsExactly("writer");
        assertThat(TestFactories.value(factory, "other", "select name from Pet")).isEqualTo("As persisted on other");
        assertThat(count(factory, "writer", "Pet")).isZero();
    }

    @Test
    void unchangedInstancesAreNotWritten() {
        router.writesToWriter = false;
        inTransaction(em -> em.using("other").persist(new Person("Untouched")));
        router.writesToWriter = true;
        statements.clear();

        inTransaction(em -> em.createQuery("from Person", Person.class).getResultList());

        assertThat(statements.statements()).extracting(StatementRecorder.Statement::sql)
                .allMatch(sql -> sql.startsWith("select"));
    }

    @Test
    void routerExceptionsPropagateUnchanged() {
        exploding.explode = true;
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            assertThatThrownBy(() -> em.find(Person.class, 1L)).isSameAs(ExplodingRouter.FAILURE);
        }
    }

    @Test
    void usingIgnoresRouters() {
        inTransaction(em -> em.using("default").persist(new Person("Pinned")));
        assertThat(statements.aliasesOf("insert")).containsExactly("default");
    }
}
