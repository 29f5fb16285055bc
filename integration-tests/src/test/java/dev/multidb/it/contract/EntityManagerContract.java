package dev.multidb.it.contract;

import dev.multidb.MultiDbEntityManager;
import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.testmodel.Book;
import dev.multidb.testmodel.Person;
import dev.multidb.testservers.Server;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Persistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every database product must honour: two aliases ({@code default}, {@code other}) on two
 * fresh databases of one real server, each statement's alias checked with the statement listener and
 * each row with raw JDBC. One subclass per product; later issues add their rules here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EntityManagerContract {

    protected MultiDbEntityManagerFactory factory;
    protected final Recorder statements = new Recorder();

    /** The server the two aliases live on. */
    protected abstract Server server();

    /** Extra properties for the unit, for subclasses. */
    protected Map<String, Object> extraProperties() {
        return Map.of();
    }

    @BeforeAll
    void startFactory() {
        Server server = server();
        Map<String, Object> properties = new HashMap<>();
        properties.putAll(server.multidbProperties("default", server.createDatabase("contract_default")));
        properties.putAll(server.multidbProperties("other", server.createDatabase("contract_other")));
        properties.putAll(extraProperties());
        factory = (MultiDbEntityManagerFactory) Persistence.createEntityManagerFactory("contract", properties);
        factory.addStatementListener(statements);
    }

    @AfterAll
    void closeFactory() {
        if (factory != null) {
            factory.close();
        }
    }

    @BeforeEach
    void emptyBothAliases() {
        for (String alias : new String[] {"default", "other"}) {
            inTransaction(em -> {
                EntityManager db = em.using(alias);
                db.createNativeQuery("delete from Book_Person").executeUpdate();
                db.createQuery("delete from Book").executeUpdate();
                db.createQuery("delete from Person").executeUpdate();
            });
        }
        statements.clear();
    }

    protected void inTransaction(Consumer<MultiDbEntityManager> work) {
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        }
    }

    protected long count(String alias, String table) {
        return Long.parseLong(value(alias, "select count(*) from " + table));
    }

    protected String value(String alias, String sql) {
        try (Connection connection = factory.dataSource(alias).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eachEntityLandsOnTheAliasItWasWrittenTo() {
        inTransaction(em -> {
            em.persist(new Person("on default"));
            em.using("other").persist(new Person("on other"));
        });

        assertThat(statements.aliasesOfWrites()).contains("default", "other");
        assertThat(value("default", "select name from Person")).isEqualTo("on default");
        assertThat(value("other", "select name from Person")).isEqualTo("on other");
        assertThat(count("default", "Person")).isEqualTo(1);
        assertThat(count("other", "Person")).isEqualTo(1);
    }

    @Test
    void changesAndRemovalsOfAnInstanceGoToTheAliasItCameFrom() {
        Person person = new Person("before");
        inTransaction(em -> em.using("other").persist(person));
        statements.clear();

        inTransaction(em -> em.using("other").find(Person.class, person.getId()).setName("after"));
        assertThat(statements.aliasesOfWrites()).containsExactly("other");
        assertThat(value("other", "select name from Person")).isEqualTo("after");

        statements.clear();
        inTransaction(em -> em.remove(em.using("other").find(Person.class, person.getId())));
        assertThat(statements.aliasesOfWrites()).containsExactly("other");
        assertThat(count("other", "Person")).isZero();
    }

    @Test
    void lazyProxiesAndCollectionsLoadFromTheOwnersAliasEvenWhenTheSameIdExistsElsewhere() {
        Person editor = new Person("editor on other");
        Book book = new Book("book on other");
        inTransaction(em -> {
            EntityManager other = em.using("other");
            other.persist(editor);
            book.setEditor(editor);
            book.getAuthors().add(editor);
            other.persist(book);
        });
        // The same ids on default, with other names: a load through the wrong alias would show them.
        Person decoy = new Person("decoy on default");
        inTransaction(em -> {
            Person copy = em.using("default").merge(editor);
            copy.setName(decoy.getName());
            Book bookCopy = em.using("default").merge(book);
            bookCopy.setTitle("decoy book");
        });
        statements.clear();

        try (MultiDbEntityManager em = factory.createEntityManager()) {
            Book loaded = em.using("other").find(Book.class, book.getId());
            assertThat(loaded.getEditor().getName()).isEqualTo("editor on other");
            assertThat(loaded.getAuthors()).extracting(Person::getName).containsExactly("editor on other");
            assertThat(em.aliasOf(loaded.getEditor())).isEqualTo("other");
        }
        assertThat(statements.aliases()).hasSizeGreaterThanOrEqualTo(3).containsOnly("other");
    }

    @Test
    void oneTransactionCommitsEveryAliasItTouched() {
        inTransaction(em -> {
            em.persist(new Person("committed on default"));
            em.using("other").persist(new Person("committed on other"));
        });
        assertThat(count("default", "Person")).isEqualTo(1);
        assertThat(count("other", "Person")).isEqualTo(1);
    }

    @Test
    void rollbackUndoesEveryAlias() {
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            em.getTransaction().begin();
            em.persist(new Person("rolled back on default"));
            em.using("other").persist(new Person("rolled back on other"));
            em.flush();
            assertThat(statements.aliasesOfWrites()).contains("default", "other");
            em.getTransaction().rollback();
            assertThat(em.getTransaction().isActive()).isFalse();
        }
        assertThat(count("default", "Person")).isZero();
        assertThat(count("other", "Person")).isZero();
    }

    @Test
    void copyToAnotherAliasKeepsTheGeneratedIdAndLeavesTheSourceUntouched() {
        Person original = new Person("original");
        inTransaction(em -> em.persist(original));
        statements.clear();

        inTransaction(em -> {
            Person copy = em.using("other").merge(original);
            assertThat(copy.getId()).isEqualTo(original.getId());
            assertThat(em.aliasOf(copy)).isEqualTo("other");
        });

        assertThat(statements.aliasesOfWrites()).isNotEmpty().containsOnly("other");
        assertThat(value("other", "select id from Person")).isEqualTo(original.getId().toString());
        assertThat(value("default", "select name from Person")).isEqualTo("original");
    }
}
