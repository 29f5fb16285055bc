package dev.multidb.liquibase.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.testservers.DatabaseServers;
import dev.multidb.testservers.Server;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The migration contract on a real MariaDB server, where schema changes commit implicitly. */
class MariaDbMigrationIT extends MigrationContract {

    @Override
    Server server() {
        return DatabaseServers.mariadb();
    }

    @Test
    void theExecutableJarMigratesAndReportsExitCodes() throws Exception {
        Map<String, Object> config = database("default");
        config.put("multidb.apps.halfway.changelog", export("halfway", "changelog.xml").toString());
        Path file = writeConfig(config);

        Result refused = jar(temp, "--config", file.toString(), "migrate", "--all");
        config.remove("multidb.apps.halfway.changelog");
        config.put("multidb.apps.services.changelog", "file:" + export("services", "changelog.xml",
                "v1/001-tables.xml", "v1/002-data.xml"));
        Result migrate = jar(temp, "--config", writeConfig(config).toString(), "migrate", "--all");

        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.out()).contains("default: FAILED after 0 changesets run")
                .contains("Refusing to migrate 'default' (MariaDB)");
        assertThat(migrate.code()).as(migrate.err()).isZero();
        assertThat(history(url(config, "default"))).hasSize(3);
    }
}
