package dev.multidb;

import dev.multidb.support.StatementRecorder;
import dev.multidb.support.TestFactories;
import dev.multidb.testmodel.Person;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A unit written for plain Hibernate keeps working when only its provider changes: the standard
 * {@code jakarta.persistence.jdbc.*} keys configure alias {@code default}; settings that cannot apply fail.
 */
class StandardJdbcKeysTest {

    private static final String PASSWORD = "s3cret-standard-keys";

    private static PersistenceConfiguration unit(String... properties) {
        PersistenceConfiguration configuration = new PersistenceConfiguration("standard-keys")
                .provider(MultiDbPersistenceProvider.class.getName())
                .managedClass(Person.class)
                .property("jakarta.persistence.schema-generation.database.action", "create");
        for (int i = 0; i + 1 < properties.length; i += 2) {
            configuration.property(properties[i], properties[i + 1]);
        }
        return configuration;
    }

    @Test
    void jakartaPersistenceJdbcKeysConfigureTheAliasDefault() {
        String url = TestFactories.h2Url("standard");
        PersistenceConfiguration configuration = unit("jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", "standard", "jakarta.persistence.jdbc.password", PASSWORD,
                "jakarta.persistence.jdbc.driver", "org.h2.Driver");
        StatementRecorder statements = new StatementRecorder();
        try (MultiDbEntityManagerFactory factory =
                     (MultiDbEntityManagerFactory) Persistence.createEntityManagerFactory(configuration)) {
            assertThat(factory.aliases()).containsExactly("default");
            factory.addStatementListener(statements);
            factory.runInTransaction(em -> em.persist(new Person("standard")));
            assertThat(statements.statements()).isNotEmpty().extracting(StatementRecorder.Statement::alias).containsOnly("default");
            assertThat(TestFactories.count(factory, "default", "Person")).isEqualTo(1);
            assertThat(factory.getProperties()).doesNotContainKeys("jakarta.persistence.jdbc.password",
                    "jakarta.persistence.jdbc.url");
        }
    }

    @Test
    void theLegacyJavaxKeysToo() {
        try (EntityManagerFactory factory = Persistence.createEntityManagerFactory(
                unit("javax.persistence.jdbc.url", TestFactories.h2Url("legacy")))) {
            factory.runInTransaction(em -> em.persist(new Person("legacy")));
            assertThat(TestFactories.count((MultiDbEntityManagerFactory) factory, "default", "Person")).isEqualTo(1);
        }
    }

    @Test
    void aStandardKeyAndItsMultidbKeyTogetherFailNamingBoth() {
        assertThatThrownBy(() -> Persistence.createEntityManagerFactory(unit(
                "jakarta.persistence.jdbc.url", TestFactories.h2Url("both"),
                "multidb.databases.default.url", TestFactories.h2Url("both"))))
                .isInstanceOf(MultiDbException.class)
                .hasMessage("Both 'jakarta.persistence.jdbc.url' and 'multidb.databases.default.url' are set; they"
                        + " configure the same setting of alias 'default'. Keep one of them.");
    }

    @Test
    void aPasswordGivenBothWaysIsNotShown() {
        assertThatThrownBy(() -> Persistence.createEntityManagerFactory(unit(
                "jakarta.persistence.jdbc.url", TestFactories.h2Url("both"),
                "jakarta.persistence.jdbc.password", PASSWORD,
                "multidb.databases.default.password", PASSWORD)))
                .isInstanceOf(MultiDbException.class)
                .hasMessageNotContaining(PASSWORD)
                .hasMessageContaining("'jakarta.persistence.jdbc.password' and 'multidb.databases.default.password'");
    }

    @Test
    void settingsThatCannotApplyToAMultidbUnitFailSayingWhatToUse() {
        Map<String, String> expected = Map.of(
                "hibernate.connection.url", "Remove it and use 'multidb.databases.default.url' (or"
                        + " jakarta.persistence.jdbc.url) for alias 'default', 'multidb.databases.<alias>.url' for the"
                        + " others instead.",
                "hibernate.connection.provider_class", "Remove it and use 'multidb.databases.<alias>.hikari.<property>'"
                        + " to configure each alias's HikariCP pool instead.",
                "hibernate.multi_tenant_connection_provider", "Remove it and use 'multidb.databases.<alias>.*' keys:"
                        + " hibernate-multidb provides the connections of every alias itself instead.",
                "hibernate.connection.datasource", "Remove it and use 'multidb.databases.<alias>.url' (and"
                        + " .hikari.dataSourceClassName) to configure each alias's pool instead.");
        expected.forEach((key, fix) -> assertThatThrownBy(() -> Persistence.createEntityManagerFactory(
                unit("multidb.databases.default.url", TestFactories.h2Url("refused"), key, "some.Value")))
                .isInstanceOf(MultiDbException.class)
                .hasMessage("The setting '" + key + "' cannot apply to a hibernate-multidb unit: every alias has its"
                        + " own pool, made by hibernate-multidb. " + fix));
    }
}
