package dev.multidb;

import dev.multidb.relmodel.Author;
import dev.multidb.support.StatementRecorder;
import dev.multidb.support.TestFactories;
import dev.multidb.testmodel.Book;
import dev.multidb.testmodel.Person;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.hibernate.LazyInitializationException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.multidb.support.TestFactories.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Relations across databases: refused in the mapping, at flush and in queries; lazy loads never stray. */
class CrossDatabaseSafetyTest {

    /** Authors live on 'other', everything else on 'default'. */
    static final class AuthorsOnOther implements DatabaseRouter {
        @Override
        public String dbForRead(Class<?> entityType, Hints hints) {
            return entityType == Author.class ? "other" : null;
        }

        @Override
        public String dbForWrite(Class<?> entityType, Hints hints) {
            return entityType == Author.class ? "other" : null;
        }
    }

    /** Like AuthorsOnOther, and allows every relation of the mapping (asked with Class objects). */
    static final class AuthorsOnOtherRelationsAllowed extends PeopleRouter {
        AuthorsOnOtherRelationsAllowed() {
            super(Author.class);
        }
    }

    /** Reads and writes {@code type} on 'other'; allows relations between classes, not between instances. */
    static class PeopleRouter implements DatabaseRouter {
        private final Class<?> type;

        PeopleRouter(Class<?> type) {
            this.type = type;
        }

        @Override
        public String dbForRead(Class<?> entityType, Hints hints) {
            return entityType == type ? "other" : null;
        }

        @Override
        public String dbForWrite(Class<?> entityType, Hints hints) {
            return entityType == type ? "other" : null;
        }

        @Override
        public Boolean allowRelation(Object a, Object b, Hints hints) {
            return a instanceof Class<?> && b instanceof Class<?> ? Boolean.TRUE : null;
        }
    }

    private static EntityManagerFactory relations(DatabaseRouter router) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("multidb.databases.default.url", TestFactories.h2Url("rel-default"));
        properties.put("multidb.databases.other.url", TestFactories.h2Url("rel-other"));
        properties.put("multidb.routers", router);
        return Persistence.createEntityManagerFactory("relations", properties);
    }

    @Test
    void bootstrapRefusesEveryAssociationAcrossDatabasesAtOnce() {
        assertThatThrownBy(() -> relations(new AuthorsOnOther()))
                .isInstanceOf(CrossDatabaseRelationException.class)
                .hasMessage("4 associations cross databases; Hibernate can neither join nor lazily load across"
                        + " databases, so the factory was not built:\n"
                        + "- dev.multidb.relmodel.Author.novels (one-to-many) refers to dev.multidb.relmodel.Novel:"
                        + " Author is routed to 'other', Novel is routed to 'default'.\n"
                        + "- dev.multidb.relmodel.Library.loans.author (many-to-one) refers to dev.multidb.relmodel.Author:"
                        + " Library is routed to 'default', Author is routed to 'other'.\n"
                        + "- dev.multidb.relmodel.Novel.author (many-to-one) refers to dev.multidb.relmodel.Author:"
                        + " Novel is routed to 'default', Author is routed to 'other'.\n"
                        + "- dev.multidb.relmodel.Review.author (many-to-one) refers to dev.multidb.relmodel.Author:"
                        + " Review is routed to 'default', Author is routed to 'other'.\n"
                        + "Route both ends to the same alias, make a router's allowRelation(a, b) answer true for the"
                        + " two classes (at bootstrap it is asked with the Class objects), or replace the association"
                        + " by an id attribute.");
    }

    @Test
    void allowRelationAnsweringTrueForTheClassesLetsTheFactoryBuild() {
        try (EntityManagerFactory factory = relations(new AuthorsOnOtherRelationsAllowed())) {
            assertThat(factory.isOpen()).isTrue();
        }
    }

    @Test
    void aPrimaryAndItsReplicaAreOneDatabaseForRelations() {
        Map<String, Object> properties = new HashMap<>();
        String url = TestFactories.h2Url("rel-primary");
        properties.put("multidb.databases.default.url", url);
        properties.put("multidb.databases.other.url", TestFactories.h2Url("rel-unused"));
        properties.put("multidb.databases.replica.url", url);
        properties.put("multidb.databases.replica.replica-of", "default");
        properties.put("multidb.routers", new DatabaseRouter() {
            @Override
            public String dbForRead(Class<?> entityType, Hints hints) {
                return entityType == Author.class ? "replica" : null;
            }
        });
        properties.put("jakarta.persistence.schema-generation.database.action", "create");
        try (EntityManagerFactory factory = Persistence.createEntityManagerFactory("relations", properties)) {
            assertThat(factory.isOpen()).isTrue();
        }
    }

    @Test
    void persistAndFlushRefuseAReferenceToAnInstanceStuckToAnotherAliasAndWriteNothing() {
        try (MultiDbEntityManagerFactory factory = TestFactories.books(Map.of())) {
            Person editor = new Person("Editor on other");
            factory.runInTransaction(em -> ((MultiDbEntityManager) em).using("other").persist(editor));
            StatementRecorder statements = new StatementRecorder();
            factory.addStatementListener(statements);
            String refusal = "Cannot assign \"Person#" + editor.getId()
                    + "\": the current database router prevents this relation.";

            try (MultiDbEntityManager em = factory.createEntityManager()) {
                em.getTransaction().begin();
                Person loaded = em.using("other").find(Person.class, editor.getId());
                Book book = new Book("On default");
                book.setEditor(loaded);
                assertThatThrownBy(() -> em.using("default").persist(book))
                        .as("a new instance is checked when persisted")
                        .isInstanceOf(CrossDatabaseRelationException.class).hasMessage(refusal);
                assertThat(em.getTransaction().getRollbackOnly()).isTrue();
                em.getTransaction().rollback();
            }
            try (MultiDbEntityManager em = factory.createEntityManager()) {
                em.getTransaction().begin();
                Person loaded = em.using("other").find(Person.class, editor.getId());
                Book book = new Book("On default");
                em.using("default").persist(book);
                em.flush();
                book.setEditor(loaded);
                assertThatThrownBy(em::flush)
                        .as("a managed instance's change is checked at flush")
                        .isInstanceOf(CrossDatabaseRelationException.class).hasMessage(refusal);
                assertThat(em.getTransaction().getRollbackOnly()).isTrue();
                em.getTransaction().rollback();
            }
            assertThat(statements.aliasesTouching("update Book")).isEmpty();
            assertThat(count(factory, "default", "Book")).isZero();
        }
    }

    @Test
    void flushRefusesACollectionElementStuckToAnotherAlias() {
        try (MultiDbEntityManagerFactory factory = TestFactories.books(Map.of())) {
            Person author = new Person("Author on other");
            factory.runInTransaction(em -> ((MultiDbEntityManager) em).using("other").persist(author));
            try (MultiDbEntityManager em = factory.createEntityManager()) {
                em.getTransaction().begin();
                Book book = new Book("On default");
                book.getAuthors().add(em.using("other").find(Person.class, author.getId()));
                em.using("default").persist(book);
                assertThatThrownBy(em::flush).isInstanceOf(CrossDatabaseRelationException.class)
                        .hasMessage("Cannot assign \"Person#" + author.getId()
                                + "\": the current database router prevents this relation.");
                em.getTransaction().rollback();
            }
            assertThat(count(factory, "default", "Book")).isZero();
        }
    }

    @Test
    void newInstanceReferringToAStuckInstanceIsWrittenNextToIt() {
        try (MultiDbEntityManagerFactory factory = TestFactories.books(Map.of())) {
            Person editor = new Person("Editor on other");
            factory.runInTransaction(em -> ((MultiDbEntityManager) em).using("other").persist(editor));
            Book book = new Book("Follows its editor");
            try (MultiDbEntityManager em = factory.createEntityManager()) {
                em.getTransaction().begin();
                book.setEditor(em.using("other").find(Person.class, editor.getId()));
                em.persist(book);
                em.getTransaction().commit();
            }
            assertThat(MultiDb.aliasOf(book)).isEqualTo("other");
            assertThat(count(factory, "other", "Book")).isEqualTo(1);
            assertThat(count(factory, "default", "Book")).isZero();
        }
    }

    @Test
    void queryNamingAnEntityOfAnotherDatabaseIsRefused() {
        try (MultiDbEntityManagerFactory factory = TestFactories.books(
                Map.of("multidb.routers", new PeopleRouter(Person.class)));
             MultiDbEntityManager em = factory.createEntityManager()) {
            assertThatThrownBy(() -> em.createQuery(
                    "from Book b where b.editor.id in (select p.id from Person p where p.name = 'x')", Book.class))
                    .isInstanceOf(CrossDatabaseRelationException.class)
                    .hasMessage("Subqueries aren't allowed across different databases. Materialize the inner"
                            + " query's ids first.");
            List<Long> ids = em.createQuery("select p.id from Person p where p.name = 'x'", Long.class).getResultList();
            assertThat(em.createQuery("from Book b where b.editor.id in :ids", Book.class)
                    .setParameter("ids", ids.isEmpty() ? List.of(-1L) : ids).getResultList()).isEmpty();
            assertThat(em.using("default").createQuery("select count(b) from Book b, Person p", Long.class)
                    .getSingleResult()).as("using() has no routers to disagree with").isZero();
        }
    }

    @Test
    void parametersFromAnotherDatabaseAreBoundByTheirIdsReadOnTheirOwnDatabaseFirst() {
        try (MultiDbEntityManagerFactory factory = TestFactories.books(
                Map.of("multidb.routers", new PeopleRouter(Person.class)))) {
            Person author = new Person("Author on other");
            Book onOther = new Book("On other");
            factory.runInTransaction(em -> {
                MultiDbEntityManager multi = em.unwrap(MultiDbEntityManager.class);
                multi.persist(author);
                onOther.getAuthors().add(author);
                multi.using("other").persist(onOther);
            });
            StatementRecorder statements = new StatementRecorder();
            factory.addStatementListener(statements);

            try (MultiDbEntityManager em = factory.createEntityManager()) {
                Book loaded = em.using("other").find(Book.class, onOther.getId());
                statements.clear();
                assertThat(em.createQuery("from Book b where b.editor in :people", Book.class)
                        .setParameter("people", loaded.getAuthors()).getResultList()).isEmpty();
                assertThat(statements.aliasesOf("select")).as("the lazy collection is read on its own alias first")
                        .containsExactly("other", "default");

                statements.clear();
                Person reference = em.getReference(Person.class, author.getId());
                assertThat(em.createQuery("from Book b where b.editor = :p", Book.class)
                        .setParameter("p", reference).getResultList()).isEmpty();
                assertThat(statements.aliasesOf("select")).as("a proxy is bound by its id, without loading it")
                        .containsExactly("default");
            }
        }
    }

    @Test
    void lazyProxyOfAClosedEntityManagerFailsAndNeverLoadsElsewhere() {
        try (MultiDbEntityManagerFactory factory = TestFactories.books(Map.of())) {
            Person editor = new Person("Editor");
            Book book = new Book("Lazy");
            factory.runInTransaction(em -> {
                EntityManagerFactory ignored = em.getEntityManagerFactory();
                em.unwrap(MultiDbEntityManager.class).using("other").persist(editor);
                book.setEditor(editor);
                em.unwrap(MultiDbEntityManager.class).using("other").persist(book);
            });
            Book detached;
            try (MultiDbEntityManager em = factory.createEntityManager()) {
                detached = em.using("other").find(Book.class, book.getId());
            }
            StatementRecorder statements = new StatementRecorder();
            factory.addStatementListener(statements);
            assertThat(MultiDb.aliasOf(detached.getEditor())).isEqualTo("other");
            assertThatThrownBy(() -> detached.getEditor().getName()).isInstanceOf(LazyInitializationException.class)
                    .hasMessage("Could not initialize proxy [dev.multidb.testmodel.Person#" + editor.getId() + "] - no"
                            + " session. It was loaded from database 'other', and a lazy load only ever reads the"
                            + " database its owner came from, through the session that loaded it, which is closed."
                            + " Load it while that entity manager is open (a fetch join, Hibernate.initialize), or"
                            + " find it again with em.using(\"other\").find(...).");
            assertThat(statements.statements()).isEmpty();
        }
    }

    @Test
    void plainHibernateUnitsInTheSameJvmKeepHibernatesOwnProxies() {
        EntityManagerFactory plain = Persistence.createEntityManagerFactory("plain");
        try {
            Person person = new Person("Plain");
            plain.runInTransaction(em -> em.persist(person));
            Person reference;
            try (var em = plain.createEntityManager()) {
                reference = em.getReference(Person.class, person.getId());
            }
            assertThatThrownBy(reference::getName).isInstanceOf(LazyInitializationException.class)
                    .hasMessage("Could not initialize proxy [dev.multidb.testmodel.Person#" + person.getId()
                            + "] - no session");
        } finally {
            plain.close();
        }
    }

    @Test
    void lazyLoadingWithoutASessionIsRefusedAtBootstrap() {
        assertThatThrownBy(() -> TestFactories.books(Map.of("hibernate.enable_lazy_load_no_trans", "true")))
                .isInstanceOf(MultiDbException.class)
                .hasMessage("'hibernate.enable_lazy_load_no_trans' is 'true', which hibernate-multidb does not"
                        + " support: a detached proxy would be loaded through a temporary session that does not know"
                        + " the proxy's database and could read another one. Remove the setting, and load what a"
                        + " detached instance needs before its entity manager closes (a fetch join or an entity"
                        + " graph).");
    }
}
