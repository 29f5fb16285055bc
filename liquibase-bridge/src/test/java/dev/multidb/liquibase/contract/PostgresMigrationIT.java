package dev.multidb.liquibase.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.liquibase.MigrationReport;
import dev.multidb.liquibase.Migrator;
import dev.multidb.testservers.DatabaseServers;
import dev.multidb.testservers.Server;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The migration contract on a real PostgreSQL server, and what transactional DDL guarantees there. */
class PostgresMigrationIT extends MigrationContract {

    @Override
    Server server() {
        return DatabaseServers.postgres();
    }

    @Test
    void aChangeSetFailingHalfWayLeavesNeitherItsSchemaChangeNorAHistoryRow() throws Exception {
        Map<String, Object> config = database("default");
        config.put("multidb.apps.halfway.changelog", "db/halfway/changelog.xml");

        MigrationReport report = Migrator.fromProperties(config).migrate("default");

        assertThat(report.succeeded()).isFalse();
        assertThat(report.failure().getMessage()).startsWith("Migrating 'default' failed: Migration failed for"
                + " changeset halfway/changelog.xml::2::erin");
        assertThat(hasTable(url(config, "default"), "half_ok")).isTrue();
        assertThat(hasTable(url(config, "default"), "half_table")).isFalse();
        assertThat(history(url(config, "default"))).containsExactly("halfway/changelog.xml::1::erin");
    }

    @Test
    void theJarMigratesWithTheApplicationsRoutersAndReportsExitCodes() throws Exception {
        Map<String, Object> config = twoAliases();
        Path file = writeConfig(config);

        Result migrate = jarWithTestClasses(temp, "--config", file.toString(), "migrate", "--all");
        Result usage = jarWithTestClasses(temp, "--config", file.toString(), "migrate", "--database", "nosuch");
        Result noRouter = jar(temp, "--config", file.toString(), "status");

        assertThat(migrate.code()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("default: OK, 3 changesets run").contains("users: OK, 1 changeset run");
        assertThat(migrate.err()).contains("[default] ran services/v1/001-tables.xml::1::alice");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("The database 'nosuch' doesn't exist.");
        assertThat(noRouter.code()).isEqualTo(2);
        assertThat(noRouter.err()).contains("Cannot load router class 'dev.multidb.liquibase.AuthRouter'");
        assertThat(history(url(config, "users"))).containsExactly("auth/changelog.xml::1::carol");
    }
}
