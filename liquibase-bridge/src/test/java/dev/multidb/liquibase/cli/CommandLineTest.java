package dev.multidb.liquibase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.liquibase.AuthRouter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code multidb} command line, in process, on H2: output, progress and exit codes. */
class CommandLineTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @TempDir
    Path temp;

    private Path config;
    private String defaultUrl;
    private String usersUrl;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeConfig() throws IOException {
        int n = COUNTER.incrementAndGet();
        defaultUrl = "jdbc:h2:mem:cli_default_" + n + ";DB_CLOSE_DELAY=-1";
        usersUrl = "jdbc:h2:mem:cli_users_" + n + ";DB_CLOSE_DELAY=-1";
        config = temp.resolve("multidb.properties");
        Files.writeString(config, String.join("\n",
                "multidb.databases.default.url=" + defaultUrl,
                "multidb.databases.default.username=sa",
                "multidb.databases.default.password=s3cret-pw",
                "multidb.databases.users.url=" + usersUrl,
                "multidb.databases.users.username=sa",
                "multidb.databases.replica.url=" + defaultUrl,
                "multidb.databases.replica.replica-of=default",
                "multidb.routers=" + AuthRouter.class.getName(),
                "multidb.apps.services.changelog=db/services/changelog.xml",
                "multidb.apps.auth.changelog=db/auth/changelog.xml", ""));
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return MultiDbCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void migrateAllReportsEachAliasOnStdoutAndProgressOnStderr() {
        int code = run("--config", config.toString(), "migrate", "--all");

        assertThat(code).isZero();
        assertThat(out()).contains("default: OK, 3 changesets run in ")
                .contains("  services: 3 changesets run")
                .contains("  auth: not allowed on default")
                .contains("users: OK, 1 changeset run in ")
                .contains("  auth: 1 changeset run")
                .contains("  services: not allowed on users")
                .doesNotContain("replica")
                .doesNotContain("[default]");
        assertThat(err()).contains("[default] ran services/v1/001-tables.xml::1::alice")
                .contains("[users] ran auth/changelog.xml::1::carol");
    }

    @Test
    void statusListsPendingChangeSetsPerAppPerAlias() {
        run("--config", config.toString(), "migrate", "--database", "users");

        int code = run("--config", config.toString(), "status");

        assertThat(code).isZero();
        assertThat(out()).isEqualToNormalizingNewlines(String.join("\n",
                "default: 3 changesets pending",
                "  services: 3 pending",
                "    services/v1/001-tables.xml::1::alice",
                "    services/v1/001-tables.xml::2::alice",
                "    services/v1/002-data.xml::3::bob",
                "  auth: not allowed on default",
                "users: up to date",
                "  auth: up to date",
                "  services: not allowed on users",
                ""));
    }

    @Test
    void sqlPrintsTheScriptAndRunsNothing() {
        int code = run("sql", "--database", "default", "--config", config.toString());

        assertThat(code).isZero();
        assertThat(out()).contains("CREATE TABLE PUBLIC.service").contains("INSERT INTO PUBLIC.DATABASECHANGELOG");
        assertThat(run("--config", config.toString(), "status", "--database", "default")).isZero();
        assertThat(out()).startsWith("default: 3 changesets pending");
    }

    @Test
    void rollbackAndReleaseLocks() {
        run("--config", config.toString(), "migrate", "--database", "default");

        assertThat(run("--config", config.toString(), "rollback", "--database", "default", "--app", "services",
                "--count", "1")).isZero();
        assertThat(out()).startsWith("default: OK, rolled back 1 changeset of services in ")
                .contains("    services/v1/002-data.xml::3::bob");
        assertThat(run("--config", config.toString(), "release-locks", "--database", "default")).isZero();
        assertThat(out()).isEqualToNormalizingNewlines("default: the lock was free\n");
    }

    @Test
    void aFailedMigrationExitsWithOne() throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(defaultUrl, "sa", "s3cret-pw");
             var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE service (id INT)");
        }

        int code = run("--config", config.toString(), "migrate", "--all");

        assertThat(code).isEqualTo(1);
        assertThat(out()).contains("default: FAILED after 0 changesets run")
                .contains("  error: Migrating 'default' failed: Migration failed for changeset"
                        + " services/v1/001-tables.xml::1::alice")
                .doesNotContain("services: up to date")
                .contains("users: OK, 1 changeset run")
                .doesNotContain("s3cret-pw");
        assertThat(err()).doesNotContain("s3cret-pw");
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(run("--config", config.toString(), "migrate")).isEqualTo(2);
        assertThat(err()).contains("Missing required argument");

        assertThat(run("--config", config.toString(), "migrate", "--database", "nosuch")).isEqualTo(2);
        assertThat(err()).contains("multidb: The database 'nosuch' doesn't exist. Known databases: default,"
                + " replica, users.");

        assertThat(run("--config", config.toString(), "migrate", "--database", "replica")).isEqualTo(2);
        assertThat(err()).contains("replicas are never migrated");

        assertThat(run("migrate", "--all")).isEqualTo(2);
        assertThat(err()).contains("multidb: Say where the configuration is: --config FILE");

        assertThat(run("--config", temp.resolve("nosuch.properties").toString(), "status")).isEqualTo(2);
        assertThat(err()).contains("Cannot read --config");

        assertThat(run("--config", config.toString(), "rollback", "--database", "default", "--app", "auth",
                "--count", "1")).isEqualTo(2);
        assertThat(err()).contains("The app 'auth' is not allowed on 'default'");

        assertThat(run("--config", config.toString(), "frobnicate")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
    }

    @Test
    void helpDescribesCommandsAndExitCodes() {
        assertThat(run("--help")).isZero();

        assertThat(out()).contains("Usage: multidb [-hV] [--verbose] [--config=FILE] [--unit=NAME] COMMAND")
                .contains("migrate").contains("status").contains("sql").contains("rollback").contains("release-locks")
                .contains("Exit codes:").contains("2  bad usage");
        assertThat(run("migrate", "--help")).isZero();
        assertThat(out()).contains("--database=ALIAS").contains("--all");
    }
}
