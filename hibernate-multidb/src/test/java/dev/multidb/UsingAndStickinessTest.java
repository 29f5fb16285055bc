package dev.multidb;

import dev.multidb.support.StatementRecorder;
import dev.multidb.support.TestFactories;
import dev.multidb.testmodel.Book;
import dev.multidb.testmodel.Person;
import dev.multidb.testmodel.Pet;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Consumer;

import static dev.multidb.support.TestFactories.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Django's manual selection and stickiness (tests/multiple_database QueryTestCase) with no routers:
 * {@code default} and {@code other} on two H2 databases; every statement's alias is checked with the
 * statement listener, every row with raw JDBC.
 */
class UsingAndStickinessTest {

    private static MultiDbEntityManagerFactory factory;
    private static final StatementRecorder statements = new StatementRecorder();

    @BeforeAll
    static void start() {
        factory = TestFactories.books(Map.of());
        factory.addStatementListener(statements);
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @BeforeEach
    void emptyTables() {
        for (String alias : new String[] {"default", "other"}) {
            inTransaction(em -> {
                EntityManager db = em.using(alias);
                db.createQuery("delete from Pet").executeUpdate();
                db.createNativeQuery("delete from Book_Person").executeUpdate();
                db.createQuery("delete from Book").executeUpdate();
                db.createQuery("delete from Person").executeUpdate();
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
    void persistWithoutRoutersGoesToDefault() {
        inTransaction(em -> em.persist(new Person("Marty")));

        assertThat(statements.aliasesOf("insert")).containsExactly("default");
        assertThat(count(factory, "default", "Person")).isEqualTo(1);
        assertThat(count(factory, "other", "Person")).isZero();
    }

    @Test
    void usingSendsEveryOperationToItsAlias() {
        Person mark = new Person("Mark Pilgrim");
        inTransaction(em -> em.using("other").persist(mark));

        assertThat(statements.aliasesOf("insert")).containsOnly("other");
        assertThat(count(factory, "other", "Person")).isEqualTo(1);
        assertThat(count(factory, "default", "Person")).isZero();

        statements.clear();
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            assertThat(em.using("other").find(Person.class, mark.getId())).isNotNull();
            assertThat(em.using("default").find(Person.class, mark.getId())).isNull();
            assertThat(em.using("other").createQuery("from Person", Person.class).getResultList())
                    .extracting(Person::getName).containsExactly("Mark Pilgrim");
            assertThat(em.using("default").createQuery("from Person", Person.class).getResultList()).isEmpty();
        }
        assertThat(statements.aliasesOf("select")).containsExactly("other", "default", "other", "default");
    }

    @Test
    void newInstanceIsStuckToNothingAndStoredInstanceToItsAlias() {
        Person dive = new Person("Dive");
        assertThat(MultiDb.aliasOf(dive)).isNull();

        inTransaction(em -> {
            assertThat(em.aliasOf(dive)).isNull();
            em.using("other").persist(dive);
            em.flush();
            assertThat(em.aliasOf(dive)).isEqualTo("other");
        });

        assertThat(MultiDb.aliasOf(dive)).as("still stuck after the entity manager closed").isEqualTo("other");
    }

    @Test
    void instanceLoadedFromOtherIsStuckThereAndItsChangesAndRemovalGoThere() {
        Person stored = new Person("Pro Django");
        inTransaction(em -> em.using("other").persist(stored));
        statements.clear();

        inTransaction(em -> {
            Person loaded = em.using("other").find(Person.class, stored.getId());
            assertThat(em.aliasOf(loaded)).isEqualTo("other");
            assertThat(MultiDb.aliasOf(loaded)).isEqualTo("other");
            loaded.setName("Pro Django, 2nd edition");
        });
        assertThat(statements.aliasesOf("update")).containsExactly("other");
        assertThat(TestFactories.value(factory, "other", "select name from Person"))
                .isEqualTo("Pro Django, 2nd edition");

        statements.clear();
        inTransaction(em -> em.remove(em.using("other").find(Person.class, stored.getId())));
        assertThat(statements.aliasesOf("delete")).containsExactly("other");
        assertThat(count(factory, "other", "Person")).isZero();
    }

    @Test
    void lazyAssociationsLoadFromTheOwnersAlias() {
        inTransaction(em -> {
            EntityManager other = em.using("other");
            Person editor = new Person("Editor on other");
            other.persist(editor);
            Book book = new Book("Dive into Python");
            book.setEditor(editor);
            book.getAuthors().add(editor);
            other.persist(book);
        });
        statements.clear();

        try (MultiDbEntityManager em = factory.createEntityManager()) {
            Book book = em.using("other").createQuery("from Book", Book.class).getSingleResult();
            assertThat(book.getEditor().getName()).isEqualTo("Editor on other");
            assertThat(book.getAuthors()).extracting(Person::getName).containsExactly("Editor on other");
            assertThat(em.aliasOf(book.getEditor())).isEqualTo("other");
        }
        assertThat(statements.aliasesOf("select")).hasSizeGreaterThanOrEqualTo(3).containsOnly("other");
    }

    @Test
    void mergeUsingAnotherAliasCopiesWithTheSameGeneratedIdAndLeavesTheSourceAlone() {
        Person original = new Person("Copied");
        inTransaction(em -> em.persist(original));
        Long id = original.getId();
        statements.clear();

        inTransaction(em -> {
            Person copy = em.using("other").merge(original);
            assertThat(copy.getId()).isEqualTo(id);
            assertThat(em.aliasOf(copy)).isEqualTo("other");
        });

        assertThat(statements.statements()).isNotEmpty().extracting(StatementRecorder.Statement::alias)
                .containsOnly("other");
        assertThat(TestFactories.value(factory, "other", "select id from Person")).isEqualTo(id.toString());
        assertThat(count(factory, "default", "Person")).isEqualTo(1);

        original.setName("Overwritten");
        inTransaction(em -> em.using("other").merge(original));
        assertThat(TestFactories.value(factory, "other", "select name from Person where id = " + id))
                .isEqualTo("Overwritten");
        assertThat(TestFactories.value(factory, "default", "select name from Person where id = " + id))
                .isEqualTo("Copied");
    }

    /** Found by the routing property: a loaded collection's elements live on the source alias, not the target. */
    @Test
    void mergeUsingAnotherAliasOverwritesTheRowsColumnsAndLeavesItsCollectionsOnTheSourceAlias() {
        Person author = new Person("Author on default");
        Book book = new Book("Original title");
        inTransaction(em -> {
            em.persist(author);
            book.getAuthors().add(author);
            em.persist(book);
        });
        inTransaction(em -> em.using("other").merge(book)); // a copy of the row on other, without authors
        assertThat(count(factory, "other", "Book_Person")).as("no join row copied").isZero();
        Book detached;
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            detached = em.find(Book.class, book.getId());
            assertThat(detached.getAuthors()).extracting(Person::getName).containsExactly("Author on default");
        }
        detached.setTitle("Overwritten title");
        statements.clear();

        inTransaction(em -> {
            Book copy = em.using("other").merge(detached);
            assertThat(copy.getTitle()).isEqualTo("Overwritten title");
            assertThat(copy.getAuthors()).as("other's own authors, none").isEmpty();
        });

        assertThat(statements.statements()).isNotEmpty().extracting(StatementRecorder.Statement::alias)
                .containsOnly("other");
        assertThat(TestFactories.value(factory, "other", "select title from Book where id = " + book.getId()))
                .isEqualTo("Overwritten title");
        assertThat(count(factory, "other", "Person")).isZero();
        assertThat(TestFactories.value(factory, "default", "select title from Book where id = " + book.getId()))
                .isEqualTo("Original title");
    }

    @Test
    void persistUsingAnotherAliasInsertsWithTheSameIdAndRefusesAnExistingRow() {
        Pet pet = new Pet(7L, "Cujo");
        inTransaction(em -> em.persist(pet));
        assertThat(MultiDb.aliasOf(pet)).isEqualTo("default");

        inTransaction(em -> em.using("other").persist(pet));
        assertThat(MultiDb.aliasOf(pet)).isEqualTo("other");
        assertThat(count(factory, "other", "Pet")).isEqualTo(1);
        assertThat(count(factory, "default", "Pet")).isEqualTo(1);

        Person person = new Person("Twice");
        inTransaction(em -> em.persist(person));
        inTransaction(em -> em.using("other").persist(person));
        assertThat(count(factory, "other", "Person")).isEqualTo(1);

        try (MultiDbEntityManager em = factory.createEntityManager()) {
            em.getTransaction().begin();
            Person fromDefault = em.using("default").find(Person.class, person.getId());
            assertThatThrownBy(() -> em.using("other").persist(fromDefault))
                    .isInstanceOf(EntityExistsException.class)
                    .hasMessage("Cannot persist Person#" + person.getId() + " on 'other': a row with that id already"
                            + " exists there. Use using(\"other\").merge(...) to overwrite it.");
            em.getTransaction().rollback();
        }
    }

    @Test
    void unknownAliasFailsWithDjangosMessage() {
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            assertThatThrownBy(() -> em.using("nosuch"))
                    .isInstanceOf(UnknownDatabaseException.class)
                    .hasMessage("The database 'nosuch' doesn't exist. Known databases: default, other.");
        }
        assertThatThrownBy(() -> factory.dataSource("nosuch"))
                .isInstanceOf(UnknownDatabaseException.class)
                .hasMessage("The database 'nosuch' doesn't exist. Known databases: default, other.");
    }
}
