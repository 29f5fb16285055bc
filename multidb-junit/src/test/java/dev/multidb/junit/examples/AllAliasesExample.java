package dev.multidb.junit.examples;

import dev.multidb.MultiDbEntityManager;
import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.junit.MultiDbTest;
import dev.multidb.junit.audit.AuditEntry;
import dev.multidb.junit.model.Note;
import dev.multidb.junit.support.OnlyThroughEngineTestKit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static dev.multidb.junit.support.Rows.count;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code databases = "*"}: every alias allowed, and rolled back. */
@OnlyThroughEngineTestKit
@MultiDbTest(unit = "junit-h2", databases = MultiDbTest.ALL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class AllAliasesExample {

    @Test
    @Order(1)
    void writesOnEveryAlias(MultiDbEntityManager em, MultiDbEntityManagerFactory factory) {
        em.getTransaction().begin();
        em.persist(new Note("default"));
        em.using("other").persist(new Note("other"));
        em.using("third").persist(new Note("third"));
        em.persist(new AuditEntry("routed to third"));
        em.getTransaction().commit();

        assertThat(count(factory, "default", "Note")).isEqualTo(1);
        assertThat(count(factory, "other", "Note")).isEqualTo(1);
        assertThat(count(factory, "third", "Note")).isEqualTo(1);
        assertThat(count(factory, "third", "AuditEntry")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void everyAliasIsRolledBack(MultiDbEntityManagerFactory factory) {
        for (String alias : factory.aliases()) {
            assertThat(count(factory, alias, "Note")).as(alias).isZero();
        }
        assertThat(count(factory, "third", "AuditEntry")).isZero();
    }

    /** The schema was generated per alias under allowMigrate: AuditEntry's table exists on third only. */
    @Test
    @Order(3)
    void schemaFollowsAllowMigrate(MultiDbEntityManagerFactory factory) throws SQLException {
        assertThat(hasTable(factory, "default", "AUDITENTRY")).isFalse();
        assertThat(hasTable(factory, "other", "AUDITENTRY")).isFalse();
        assertThat(hasTable(factory, "third", "AUDITENTRY")).isTrue();
        assertThat(hasTable(factory, "default", "NOTE")).isTrue();
    }

    private static boolean hasTable(MultiDbEntityManagerFactory factory, String alias, String table)
            throws SQLException {
        try (Connection connection = factory.dataSource(alias).getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
            return tables.next();
        }
    }
}
