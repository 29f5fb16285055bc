package dev.multidb;

import dev.multidb.support.StatementRecorder;
import dev.multidb.support.TestFactories;
import dev.multidb.testmodel.Person;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.Persistence;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replicas on H2: two replica databases that the test feeds itself, so that a replica can lag behind its
 * primary for real (it has not received a write until the test copies it).
 */
class ReplicasTest {

    private final StatementRecorder statements = new StatementRecorder();
    private final String primaryUrl = TestFactories.h2Url("primary");
    private final String replica1Url = TestFactories.h2Url("replica1");
    private final String replica2Url = TestFactories.h2Url("replica2");

    private MultiDbEntityManagerFactory factory(Map<String, Object> extra) {
        for (String url : List.of(primaryUrl, replica1Url, replica2Url)) {
            Map<String, Object> schema = new HashMap<>();
            schema.put("multidb.databases.default.url", url);
            schema.put("jakarta.persistence.schema-generation.database.action", "drop-and-create");
            Persistence.createEntityManagerFactory("books", schema).close();
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("multidb.databases.default.url", primaryUrl);
        properties.put("multidb.databases.other.url", TestFactories.h2Url("unused"));
        properties.put("multidb.databases.replica1.url", replica1Url);
        properties.put("multidb.databases.replica1.replica-of", "default");
        properties.put("multidb.databases.replica2.url", replica2Url);
        properties.put("multidb.databases.replica2.replica-of", "default");
        properties.put("jakarta.persistence.schema-generation.database.action", "none");
        properties.putAll(extra);
        MultiDbEntityManagerFactory factory =
                (MultiDbEntityManagerFactory) Persistence.createEntityManagerFactory("books", properties);
        factory.addStatementListener(statements);
        return factory;
    }

    /** "Replicates" a person row to a replica database: what streaming replication would do, later. */
    private static void replicate(String url, Person person) throws SQLException {
        try (Connection connection = java.sql.DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into Person (id, name) values (" + person.getId() + ", '"
                    + person.getName() + "')");
        }
    }

    private static void inTransaction(MultiDbEntityManagerFactory factory, Consumer<MultiDbEntityManager> work) {
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        }
    }

    @Test
    void readsOfAPrimaryGoToItsReplicasInTurn() throws SQLException {
        try (MultiDbEntityManagerFactory factory = factory(Map.of("multidb.databases.default.read-your-writes", "0"))) {
            Person person = new Person("Replicated");
            inTransaction(factory, em -> em.persist(person));
            replicate(replica1Url, person);
            replicate(replica2Url, person);
            statements.clear();

            for (int i = 0; i < 4; i++) {
                try (MultiDbEntityManager em = factory.createEntityManager()) {
                    assertThat(em.find(Person.class, person.getId()).getName()).isEqualTo("Replicated");
                }
            }
            assertThat(statements.aliasesOf("select")).hasSize(4).containsOnly("replica1", "replica2")
                    .contains("replica1", "replica2");
        }
    }

    @Test
    void aWriteIsReadBackFromThePrimaryDuringItsTransactionAndItsWindowThoughReplicasLag() {
        try (MultiDbEntityManagerFactory factory = factory(Map.of("multidb.databases.default.read-your-writes", "2s"))) {
            Person person = new Person("Not on replicas yet");
            try (MultiDbEntityManager em = factory.createEntityManager()) {
                em.getTransaction().begin();
                em.persist(person);
                em.flush();
                statements.clear();
                assertThat(em.createQuery("select count(p) from Person p", Long.class).getSingleResult()).isEqualTo(1L);
                em.getTransaction().commit();
            }
            assertThat(statements.aliasesOf("select")).containsExactly("default");

            statements.clear();
            try (MultiDbEntityManager em = factory.createEntityManager()) {
                assertThat(em.find(Person.class, person.getId())).as("read-your-writes after commit").isNotNull();
            }
            assertThat(statements.aliasesOf("select")).containsExactly("default");
        }
    }

    @Test
    void withoutTheWindowReadsGoToReplicasAtOnceAndSeeTheirLag() {
        try (MultiDbEntityManagerFactory factory = factory(Map.of("multidb.databases.default.read-your-writes", "0"))) {
            Person person = new Person("Lagging");
            inTransaction(factory, em -> em.persist(person));
            statements.clear();
            try (MultiDbEntityManager em = factory.createEntityManager()) {
                assertThat(em.find(Person.class, person.getId())).as("the replica has not received it").isNull();
                assertThat(MultiDb.onPrimary(() -> em.find(Person.class, person.getId()))).isNotNull();
            }
            assertThat(statements.aliasesOf("select")).hasSize(2).last().isEqualTo("default");
            assertThat(statements.aliasesOf("select").get(0)).isIn("replica1", "replica2");
        }
    }

    @Test
    void writesThroughAReplicaAreRefusedBeforeAnySql() {
        try (MultiDbEntityManagerFactory factory = factory(Map.of());
             MultiDbEntityManager em = factory.createEntityManager()) {
            em.getTransaction().begin();
            statements.clear();
            assertThatThrownBy(() -> em.using("replica1").persist(new Person("Nope")))
                    .isInstanceOf(ReadOnlyDatabaseException.class)
                    .hasMessage("Cannot persist Person on 'replica1': it is a read-only replica of 'default'. Send"
                            + " writes to 'default' (have dbForWrite answer it, or use using(\"default\")).");
            assertThatThrownBy(() -> em.using("replica2").createQuery("delete from Person").executeUpdate())
                    .isInstanceOf(ReadOnlyDatabaseException.class)
                    .hasMessageStartingWith("Cannot run an update or delete query on Person on 'replica2'");
            assertThatThrownBy(() -> em.using("replica2").createNativeQuery("delete from Person").executeUpdate())
                    .isInstanceOf(ReadOnlyDatabaseException.class)
                    .hasMessageStartingWith("Cannot send \"delete from Person\" on 'replica2'");
            em.getTransaction().rollback();
            assertThat(statements.statements()).isEmpty();
        }
    }

    @Test
    void aRouterNamingAReplicaForAWriteIsRefused() {
        DatabaseRouter router = new DatabaseRouter() {
            @Override
            public String dbForWrite(Class<?> entityType, Hints hints) {
                return "replica1";
            }
        };
        try (MultiDbEntityManagerFactory factory = factory(Map.of("multidb.routers", router));
             MultiDbEntityManager em = factory.createEntityManager()) {
            em.getTransaction().begin();
            assertThatThrownBy(() -> em.persist(new Person("Nope"))).isInstanceOf(ReadOnlyDatabaseException.class)
                    .hasMessageStartingWith("Cannot persist Person on 'replica1'");
            em.getTransaction().rollback();
        }
    }

    @Test
    void anInstanceReadFromAReplicaAndChangedIsWrittenToThePrimary() throws SQLException {
        try (MultiDbEntityManagerFactory factory = factory(Map.of("multidb.databases.default.read-your-writes", "0"))) {
            Person person = new Person("Before");
            inTransaction(factory, em -> em.persist(person));
            replicate(replica1Url, person);
            replicate(replica2Url, person);
            statements.clear();

            inTransaction(factory, em -> {
                Person loaded = em.find(Person.class, person.getId());
                assertThat(em.aliasOf(loaded)).isIn("replica1", "replica2");
                assertThat(em.using(em.aliasOf(loaded)).unwrap(Session.class).getCacheStoreMode())
                        .as("replica reads never fill the second-level cache").isEqualTo(CacheStoreMode.BYPASS);
                loaded.setName("After");
            });

            assertThat(statements.statements()).filteredOn(s -> !s.is("select"))
                    .extracting(StatementRecorder.Statement::alias).isNotEmpty().containsOnly("default");
            assertThat(TestFactories.value(factory, "default", "select name from Person")).isEqualTo("After");
        }
    }

    /** Also: leaving rotation is logged once at WARN, without the replica's URL. */
    @Test
    void aReplicaThatCannotConnectIsLeftOutAndReadsFallBackWithoutError() throws Exception {
        try (MultiDbEntityManagerFactory factory = factory(Map.of(
                "multidb.databases.replica2.url", "jdbc:h2:tcp://127.0.0.1:1/nothing-listens-here",
                "multidb.databases.default.read-your-writes", "0"))) {
            Person person = new Person("Available");
            inTransaction(factory, em -> em.persist(person));
            replicate(replica1Url, person);
            statements.clear();

            String log = dev.multidb.support.LogCapture.during(() -> {
                for (int i = 0; i < 6; i++) {
                    try (MultiDbEntityManager em = factory.createEntityManager()) {
                        assertThat(em.find(Person.class, person.getId())).isNotNull();
                    }
                }
            });
            assertThat(statements.aliasesOf("select")).hasSize(6).containsOnly("replica1");
            assertThat(log.lines().filter(line -> line.contains("WARN dev.multidb.replicas"))).singleElement()
                    .asString().contains("Replica 'replica2' of 'default' failed (")
                    .endsWith("): it leaves rotation for 5000 ms; its reads go to another replica or to 'default'"
                            + " meanwhile.");
            assertThat(log).doesNotContain("nothing-listens-here");
        }
    }
}
