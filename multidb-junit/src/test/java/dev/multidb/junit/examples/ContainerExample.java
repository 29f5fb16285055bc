package dev.multidb.junit.examples;

import dev.multidb.MultiDbEntityManager;
import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.junit.MultiDbTest;
import dev.multidb.junit.model.Note;
import dev.multidb.junit.support.OnlyThroughEngineTestKit;
import dev.multidb.junit.support.PostgresContainer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static dev.multidb.junit.support.Rows.count;
import static org.assertj.core.api.Assertions.assertThat;

/** Both aliases on a Testcontainers PostgreSQL; skipped where no Docker engine answers. */
@OnlyThroughEngineTestKit
@MultiDbTest(unit = "junit-pg", databases = MultiDbTest.ALL, properties = PostgresContainer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class ContainerExample {

    @Test
    @Order(1)
    void writesOnBothAliases(MultiDbEntityManager em, MultiDbEntityManagerFactory factory) {
        em.getTransaction().begin();
        em.persist(new Note("default"));
        em.using("other").persist(new Note("other"));
        em.getTransaction().commit();

        assertThat(count(factory, "default", "Note")).isEqualTo(1);
        assertThat(count(factory, "other", "Note")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void andTheyAreRolledBack(MultiDbEntityManagerFactory factory) {
        assertThat(count(factory, "default", "Note")).isZero();
        assertThat(count(factory, "other", "Note")).isZero();
    }
}
