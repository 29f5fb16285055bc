package dev.multidb.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.MultiDbException;
import dev.multidb.liquibase.cli.MultiDbCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration comes from a persistence unit, as for the entity manager factory. */
class PersistenceUnitTest {

    @Test
    void forUnitReadsTheUnitsKeysAndRouters() throws Exception {
        String url = Databases.h2("unit_override");

        Migrator migrator = Migrator.forUnit("migrations", Map.of("multidb.databases.default.url", url));
        MigrationReport report = migrator.migrate("default").throwIfFailed();

        assertThat(migrator.apps()).containsExactly("auth", "services");
        assertThat(report.appsMigrated()).containsExactly("services");
        assertThat(report.appsNotAllowed()).containsExactly("auth");
        assertThat(Databases.history(url)).hasSize(3);
    }

    @Test
    void anUnknownUnitFailsNamingIt() {
        assertThatThrownBy(() -> Migrator.forUnit("nosuch"))
                .isInstanceOf(MultiDbException.class)
                .hasMessageStartingWith("No persistence unit named 'nosuch' in any META-INF/persistence.xml on the"
                        + " class path.");
    }

    @Test
    void commandLineReadsAUnit() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = MultiDbCommand.run(new String[] {"--unit", "migrations", "status", "--database", "users"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("users: 1 changeset pending");
    }
}
