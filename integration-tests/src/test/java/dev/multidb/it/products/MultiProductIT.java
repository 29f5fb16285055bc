package dev.multidb.it.products;

import dev.multidb.MultiDbEntityManager;
import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.testmodel.Person;
import dev.multidb.testservers.DatabaseServers;
import dev.multidb.testservers.Server;
import jakarta.persistence.Persistence;
import org.hibernate.Session;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2, PostgreSQL and MariaDB aliases in one persistence unit: each alias gets its own product's dialect,
 * one Hibernate session factory per product, and exactly one when every alias is the same product.
 */
class MultiProductIT {

    private static MultiDbEntityManagerFactory factory(Map<String, Server> aliases) {
        Map<String, Object> properties = new HashMap<>();
        aliases.forEach((alias, server) ->
                properties.putAll(server.multidbProperties(alias, server.createDatabase("products_" + alias))));
        return (MultiDbEntityManagerFactory) Persistence.createEntityManagerFactory("contract", properties);
    }

    private static SessionFactoryImplementor sessionFactoryOf(MultiDbEntityManager em, String alias) {
        return em.using(alias).unwrap(Session.class).getSessionFactory().unwrap(SessionFactoryImplementor.class);
    }

    private static Dialect dialectOf(MultiDbEntityManager em, String alias) {
        return sessionFactoryOf(em, alias).getJdbcServices().getDialect();
    }

    @Test
    void eachProductGetsItsOwnDialectAndEveryAliasWorks() {
        List<String> seen = new ArrayList<>();
        try (MultiDbEntityManagerFactory factory = factory(Map.of(
                "default", DatabaseServers.h2(),
                "pg", DatabaseServers.postgres(),
                "maria", DatabaseServers.mariadb()))) {
            factory.addStatementListener((alias, sql) -> seen.add(alias));
            try (MultiDbEntityManager em = factory.createEntityManager()) {
                assertThat(dialectOf(em, "default")).isInstanceOf(H2Dialect.class);
                assertThat(dialectOf(em, "pg")).isInstanceOf(PostgreSQLDialect.class);
                assertThat(dialectOf(em, "maria")).isInstanceOf(MariaDBDialect.class);
                assertThat(List.of(sessionFactoryOf(em, "default"), sessionFactoryOf(em, "pg"),
                        sessionFactoryOf(em, "maria"))).doesNotHaveDuplicates();

                em.getTransaction().begin();
                for (String alias : List.of("default", "pg", "maria")) {
                    em.using(alias).persist(new Person("on " + alias));
                }
                em.getTransaction().commit();
            }
            try (MultiDbEntityManager em = factory.createEntityManager()) {
                for (String alias : List.of("default", "pg", "maria")) {
                    assertThat(em.using(alias).createQuery("select p.name from Person p", String.class)
                            .getResultList()).containsExactly("on " + alias);
                }
            }
            assertThat(seen).contains("default", "pg", "maria");
        }
    }

    @Test
    void aliasesOfOneProductShareOneSessionFactory() {
        try (MultiDbEntityManagerFactory factory = factory(Map.of(
                "default", DatabaseServers.postgres(),
                "other", DatabaseServers.postgres(),
                "third", DatabaseServers.postgres()));
             MultiDbEntityManager em = factory.createEntityManager()) {
            SessionFactoryImplementor shared = sessionFactoryOf(em, "default");
            assertThat(sessionFactoryOf(em, "other")).isSameAs(shared);
            assertThat(sessionFactoryOf(em, "third")).isSameAs(shared);
        }
    }
}
