package dev.multidb;

import dev.multidb.support.TestFactories;
import jakarta.persistence.Persistence;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configuration that HikariCP or Hibernate would accept silently, and then misbehave on: refused at bootstrap. */
class ConfigurationMistakesTest {

    private static MultiDbEntityManagerFactory books(Object... keysAndValues) {
        Map<String, Object> properties = new HashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return TestFactories.books(properties);
    }

    @Test
    void moreIdleConnectionsThanThePoolHoldsFailBootstrap() {
        assertThatThrownBy(() -> books("multidb.databases.other.hikari.minimumIdle", "20"))
                .isInstanceOf(MultiDbException.class)
                .hasMessage("Invalid value '20' for 'multidb.databases.other.hikari.minimumIdle': it is more than the"
                        + " pool's maximumPoolSize (10, the default), and a pool cannot keep more idle connections than"
                        + " it holds. Lower 'multidb.databases.other.hikari.minimumIdle' or raise"
                        + " 'multidb.databases.other.hikari.maximumPoolSize'.");
        assertThatThrownBy(() -> books("multidb.databases.other.hikari.minimumIdle", "5",
                "multidb.databases.other.hikari.maximumPoolSize", "4"))
                .isInstanceOf(MultiDbException.class)
                .hasMessageContaining("it is more than the pool's maximumPoolSize (4), and");
    }

    @Test
    void aliasesThatDifferOnlyByCaseFailBootstrap() {
        assertThatThrownBy(() -> books("multidb.databases.Other.url", TestFactories.h2Url("case")))
                .isInstanceOf(MultiDbException.class)
                .hasMessage("The aliases 'Other' and 'other' differ only by case; pools, logs and tools would"
                        + " confuse them. Rename one of them.");
    }

    @Test
    void aDialectOfAnotherProductThanTheUrlsFailsBootstrap() {
        assertThatThrownBy(() -> books("multidb.databases.other.dialect", "org.hibernate.dialect.PostgreSQLDialect"))
                .isInstanceOf(MultiDbException.class)
                .hasMessageStartingWith("Invalid value 'org.hibernate.dialect.PostgreSQLDialect' for"
                        + " 'multidb.databases.other.dialect': the URL of 'other' is a h2 database (jdbc:h2:mem:other-")
                .hasMessageEndingWith("and that dialect is not one of its. Remove the key to let Hibernate detect the"
                        + " dialect, or name a H2 dialect.");
        try (MultiDbEntityManagerFactory factory = books("multidb.databases.other.dialect", "org.hibernate.dialect.H2Dialect")) {
            assertThat(factory.aliases()).contains("other");
        }
    }

    @Test
    void aNullAliasIsAClearArgumentError() {
        try (MultiDbEntityManagerFactory factory = books()) {
            assertThatThrownBy(() -> factory.dataSource(null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The alias is null. Name one of the configured databases: default, other.");
            try (MultiDbEntityManager em = factory.createEntityManager()) {
                assertThatThrownBy(() -> em.using(null))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("The alias is null. Name one of the configured databases: default, other.");
            }
        }
    }

    @Test
    void persistenceXmlUnitsAreCheckedTheSameWay() {
        assertThatThrownBy(() -> Persistence.createEntityManagerFactory("books",
                Map.of("multidb.databases.default.hikari.minimumIdle", "11")))
                .isInstanceOf(MultiDbException.class)
                .hasMessageContaining("'multidb.databases.default.hikari.minimumIdle'");
    }
}
