package dev.multidb.junit.examples;

import dev.multidb.MultiDbEntityManager;
import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.junit.MultiDbTest;
import dev.multidb.junit.model.Note;
import dev.multidb.junit.support.OnlyThroughEngineTestKit;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static dev.multidb.junit.support.Rows.count;
import static org.assertj.core.api.Assertions.assertThat;

/** A unit whose app has a changelog: each alias's schema comes from the liquibase-bridge. */
@OnlyThroughEngineTestKit
@MultiDbTest(unit = "junit-migrated", databases = MultiDbTest.ALL)
public class MigratedSchemaExample {

    @Test
    void everyAliasWasMigratedNotGenerated(MultiDbEntityManagerFactory factory) throws SQLException {
        for (String alias : factory.aliases()) {
            assertThat(count(factory, alias, "migrated_marker")).as(alias).isZero();
            assertThat(firstChangeSetFile(factory, alias)).as(alias).isEqualTo("model/changelog.xml");
        }
    }

    @Test
    void theMigratedSchemaServesTheEntities(MultiDbEntityManager em, MultiDbEntityManagerFactory factory) {
        em.getTransaction().begin();
        em.using("other").persist(new Note("on a migrated table"));
        em.getTransaction().commit();
        assertThat(count(factory, "other", "Note")).isEqualTo(1);
    }

    private static String firstChangeSetFile(MultiDbEntityManagerFactory factory, String alias) throws SQLException {
        try (Connection connection = factory.dataSource(alias).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select FILENAME from DATABASECHANGELOG order by ORDEREXECUTED")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
