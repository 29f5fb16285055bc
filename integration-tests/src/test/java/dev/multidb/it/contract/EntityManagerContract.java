package dev.multidb.it.contract;

import dev.multidb.MultiDbEntityManager;
import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.testmodel.Book;
import dev.multidb.testmodel.Person;
import dev.multidb.testservers.Server;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Persistence;
import jakarta.persistence.TypedQuery;
import org.hibernate.LazyInitializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** A book on 'other' whose editor, also on 'other', is its lazy editor and its one author. */
    private Book bookOnOther(String title, String editorName) {
        Person editor = new Person(editorName);
        Book book = new Book(title);
        inTransaction(em -> {
            EntityManager other = em.using("other");
            other.persist(editor);
            book.setEditor(editor);
            book.getAuthors().add(editor);
            other.persist(book);
        });
        return book;
    }

    @Test
    void lazyProxiesAndCollectionsLoadFromTheOwnersAliasEvenWhenTheSameIdExistsElsewhere() {
        Book book = bookOnOther("book on other", "editor on other");
        Person editor = book.getEditor();
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
    void lazyProxiesAndCollectionsOfAClosedEntityManagerFailNamingTheAliasAndSendNothing() {
        Book book = bookOnOther("closed book", "closed editor");
        Book detached;
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            detached = em.using("other").find(Book.class, book.getId());
        }
        statements.clear();
        String aliasNamed = "It was loaded from database 'other', and a lazy load only ever reads the database its"
                + " owner came from";
        assertThatThrownBy(() -> detached.getEditor().getName()).isInstanceOf(LazyInitializationException.class)
                .hasMessageContaining(aliasNamed);
        assertThatThrownBy(() -> detached.getAuthors().size()).isInstanceOf(LazyInitializationException.class)
                .hasMessageStartingWith("Cannot lazily initialize collection of role '" + Book.class.getName()
                        + ".authors'")
                .hasMessageContaining(aliasNamed);
        assertThat(statements.aliases()).isEmpty();
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

    /** The bind parameters one statement may carry on this server: 0 for none. */
    protected int parameterLimit() {
        return 65_535;
    }

    /** The ids of three people persisted on {@code alias}, then ids nobody has, 100 000 in all. */
    private List<Long> hundredThousandIds(String alias) {
        List<Long> ids = new ArrayList<>();
        inTransaction(em -> {
            for (int i = 0; i < 3; i++) {
                Person person = new Person("p" + i);
                em.using(alias).persist(person);
                em.flush();
                ids.add(person.getId());
            }
        });
        for (long id = 1_000_000; ids.size() < 100_000; id++) {
            ids.add(id);
        }
        return ids;
    }

    /** How many bind parameters each recorded statement had, after checking they all went to 'default'. */
    private List<Integer> parametersPerStatementOnDefault() {
        assertThat(statements.aliases()).isNotEmpty().containsOnly("default");
        return statements.all().stream().map(s -> (int) s.sql().chars().filter(c -> c == '?').count()).toList();
    }

    private List<Integer> expectedChunks(int values) {
        int limit = parameterLimit();
        List<Integer> chunks = new ArrayList<>();
        for (int left = values; left > 0; left -= chunks.get(chunks.size() - 1)) {
            chunks.add(limit == 0 ? left : Math.min(left, limit));
        }
        return chunks;
    }

    @Test
    void aHundredThousandIdsAreBoundInChunksThatFitTheDatabasesParameterLimit() {
        List<Long> ids = hundredThousandIds("default");
        statements.clear();
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            TypedQuery<Person> query = em.createQuery("select p from Person p where p.id in :ids", Person.class)
                    .setParameter("ids", ids);
            assertThat(query.getResultList()).extracting(Person::getName).containsExactlyInAnyOrder("p0", "p1", "p2");
            assertThat(parametersPerStatementOnDefault()).isEqualTo(expectedChunks(100_000));
            Collection<?> bound = (Collection<?>) query.getParameterValue("ids");
            assertThat(List.copyOf(bound).equals(ids)).as("the list bound again after the chunks ran").isTrue();
        }
    }

    @Test
    void entitiesOfAnotherDatabaseAreBoundByTheirIdsWithoutQueryingIt() {
        List<Long> ids = hundredThousandIds("other");
        inTransaction(em -> {
            for (Long id : ids.subList(0, 3)) {
                Person copy = em.using("default").merge(em.using("other").find(Person.class, id));
                copy.setName("copy of " + copy.getName());
            }
        });
        statements.clear();
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            EntityManager other = em.using("other");
            List<Person> people = ids.stream().map(id -> other.getReference(Person.class, id)).toList();
            List<Person> found = em.createQuery("select p from Person p where p in :people", Person.class)
                    .setParameter("people", people).getResultList();
            assertThat(found).extracting(Person::getName).containsExactlyInAnyOrder("copy of p0", "copy of p1",
                    "copy of p2");
            assertThat(found).extracting(em::aliasOf).containsOnly("default");
        }
        assertThat(parametersPerStatementOnDefault()).isEqualTo(expectedChunks(100_000));
    }

}
