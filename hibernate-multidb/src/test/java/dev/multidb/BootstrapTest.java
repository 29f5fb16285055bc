package dev.multidb;

import com.zaxxer.hikari.HikariDataSource;
import dev.multidb.support.TestFactories;
import dev.multidb.testmodel.Person;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plugging in: the provider line of persistence.xml, programmatic units, pools, closing. */
class BootstrapTest {

    @Test
    void persistenceXmlUnitWithOurProviderGivesAMultiDbFactory() {
        try (MultiDbEntityManagerFactory factory = TestFactories.books(Map.of())) {
            assertThat(factory.aliases()).containsExactly("default", "other");
            assertThat(factory.getName()).isEqualTo("books");
            try (MultiDbEntityManager em = factory.createEntityManager()) {
                assertThat(em.unwrap(MultiDbEntityManager.class)).isSameAs(em);
                assertThat(em.getEntityManagerFactory()).isSameAs(factory);
            }
        }
    }

    @Test
    void unitOfAnotherProviderIsLeftToThatProvider() {
        assertThat(new MultiDbPersistenceProvider().createEntityManagerFactory("plain", Map.of())).isNull();
        assertThat(new MultiDbPersistenceProvider().createEntityManagerFactory("no-such-unit", Map.of())).isNull();
        try (EntityManagerFactory plain = Persistence.createEntityManagerFactory("plain")) {
            assertThat(plain).isNotInstanceOf(MultiDbEntityManagerFactory.class);
        }
    }

    @Test
    void programmaticConfigurationNamingTheProviderWorks() {
        PersistenceConfiguration configuration = new PersistenceConfiguration("programmatic")
                .provider(MultiDbPersistenceProvider.class.getName())
                .managedClass(Person.class)
                .property("multidb.databases.default.url", TestFactories.h2Url("programmatic"))
                .property("jakarta.persistence.schema-generation.database.action", "create");
        try (EntityManagerFactory factory = Persistence.createEntityManagerFactory(configuration)) {
            assertThat(factory).isInstanceOf(MultiDbEntityManagerFactory.class);
            Person person = new Person("Programmatic");
            factory.runInTransaction(em -> em.persist(person));
            String name = factory.callInTransaction(em -> em.find(Person.class, person.getId()).getName());
            assertThat(name).isEqualTo("Programmatic");
            assertThat(MultiDb.aliasOf(person)).as("one database: instances are not tracked one by one,"
                    + " a stored one is on it").isEqualTo("default");
            assertThat(MultiDb.aliasOf(new Person("new"))).isNull();
        }
    }

    @Test
    void aPoolNameOfTheConfigurationIsKept() throws Exception {
        try (MultiDbEntityManagerFactory factory = TestFactories.books(Map.of(
                "multidb.databases.other.hikari.poolName", "books-other"))) {
            assertThat(factory.dataSource("other").unwrap(HikariDataSource.class).getPoolName()).isEqualTo("books-other");
            assertThat(factory.dataSource("default").unwrap(HikariDataSource.class).getPoolName()).isEqualTo("default");
        }
    }

    @Test
    void aConnectionUnwrappedAsAConnectionStillReportsItsStatements() throws Exception {
        try (MultiDbEntityManagerFactory factory = TestFactories.books(Map.of())) {
            dev.multidb.support.StatementRecorder statements = new dev.multidb.support.StatementRecorder();
            factory.addStatementListener(statements);
            try (java.sql.Connection connection = factory.dataSource("other").getConnection()) {
                java.sql.Connection unwrapped = connection.unwrap(java.sql.Connection.class);
                assertThat(connection.isWrapperFor(java.sql.Connection.class)).isTrue();
                try (java.sql.Statement statement = unwrapped.createStatement()) {
                    statement.execute("select 1");
                }
                try (java.sql.PreparedStatement prepared = unwrapped.prepareStatement("select 2")) {
                    prepared.execute();
                }
            }
            assertThat(statements.statements()).extracting(s -> s.alias() + ": " + s.sql())
                    .containsExactly("other: select 1", "other: select 2");
        }
    }

    @Test
    void eachAliasHasAPoolNamedAfterItWithItsHikariSettings() throws Exception {
        try (MultiDbEntityManagerFactory factory = TestFactories.books(Map.of(
                "multidb.databases.other.hikari.maximumPoolSize", "3"))) {
            HikariDataSource other = factory.dataSource("other").unwrap(HikariDataSource.class);
            HikariDataSource byDefault = factory.dataSource("default").unwrap(HikariDataSource.class);
            assertThat(other.getPoolName()).isEqualTo("other");
            assertThat(other.getMaximumPoolSize()).isEqualTo(3);
            assertThat(byDefault.getPoolName()).isEqualTo("default");
            assertThat(byDefault.getMaximumPoolSize()).isEqualTo(10);
            assertThat(factory.dataSource("other")).isSameAs(factory.dataSource("other"));
        }
    }

    @Test
    void closingClosesEveryPoolAndClosingTwiceIsHarmless() throws Exception {
        MultiDbEntityManagerFactory factory = TestFactories.books(Map.of());
        HikariDataSource other = factory.dataSource("other").unwrap(HikariDataSource.class);
        factory.close();
        assertThat(factory.isOpen()).isFalse();
        assertThat(other.isClosed()).isTrue();
        assertThatCode(factory::close).doesNotThrowAnyException();
        assertThatThrownBy(factory::createEntityManager).isInstanceOf(IllegalStateException.class)
                .hasMessage("The entity manager factory of unit 'books' is closed.");
    }

    @Test
    void badKeyFailsBootstrapNamingTheClosestKey() {
        assertThatThrownBy(() -> TestFactories.books(Map.of("multidb.databases.default.usernme", "sa")))
                .isInstanceOf(MultiDbException.class)
                .hasMessage("Unknown configuration key 'multidb.databases.default.usernme'."
                        + " Did you mean 'multidb.databases.default.username'?");
    }

    @Test
    void routerClassThatCannotBeLoadedFailsBootstrap() {
        assertThatThrownBy(() -> TestFactories.books(Map.of("multidb.routers", "com.acme.NoSuchRouter")))
                .isInstanceOf(MultiDbException.class)
                .hasMessage("Cannot load router class 'com.acme.NoSuchRouter' listed in 'multidb.routers':"
                        + " ClassNotFoundException. Check the spelling of the class name and that the class is"
                        + " on the classpath.");
    }
}
