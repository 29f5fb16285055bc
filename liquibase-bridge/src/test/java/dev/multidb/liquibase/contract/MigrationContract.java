package dev.multidb.liquibase.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.multidb.liquibase.Adoption;
import dev.multidb.liquibase.AuthRouter;
import dev.multidb.liquibase.ChangeSetId;
import dev.multidb.liquibase.MigrationReport;
import dev.multidb.liquibase.Migrator;
import dev.multidb.liquibase.cli.MultiDbCommand;
import dev.multidb.testservers.Server;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration contract on one real database product: each subclass runs it on H2, PostgreSQL or
 * MariaDB. Every test creates its own databases on the shared server.
 */
abstract class MigrationContract {

    @TempDir
    Path temp;

    /** The server of this product, shared by the whole run. */
    abstract Server server();

    /** Whether a failed changeset's schema changes are rolled back with it (PostgreSQL). */
    boolean transactionalDdl() {
        return server().product().equals("postgresql");
    }

    /** A new database on the server, as alias properties. */
    Map<String, Object> database(String alias) {
        return new LinkedHashMap<>(server().multidbProperties(alias, server().createDatabase("lb_" + alias)));
    }

    String url(Map<String, Object> config, String alias) {
        return (String) config.get("multidb.databases." + alias + ".url");
    }

    Map<String, Object> twoAliases() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.putAll(database("default"));
        config.putAll(database("users"));
        config.putAll(database("empty"));
        config.put("multidb.databases.replica.url", config.get("multidb.databases.default.url"));
        config.put("multidb.databases.replica.username", server().username());
        config.put("multidb.databases.replica.password", server().password());
        config.put("multidb.databases.replica.replica-of", "default");
        config.put("multidb.routers", AuthRouter.class.getName());
        config.put("multidb.apps.services.changelog", "db/services/changelog.xml");
        config.put("multidb.apps.auth.changelog", "db/auth/changelog.xml");
        return config;
    }

    @Test
    void appsRunOnlyWhereAllowedAndLeaveNoTraceElsewhere() throws Exception {
        Map<String, Object> config = twoAliases();

        Map<String, MigrationReport> reports = Migrator.fromProperties(config).migrateAll();

        assertThat(reports).containsOnlyKeys("default", "empty", "users");
        assertThat(reports.values()).allMatch(MigrationReport::succeeded);
        assertThat(history(url(config, "default"))).containsExactly("services/v1/001-tables.xml::1::alice",
                "services/v1/001-tables.xml::2::alice", "services/v1/002-data.xml::3::bob");
        assertThat(history(url(config, "users"))).containsExactly("auth/changelog.xml::1::carol");
        assertThat(hasTable(url(config, "users"), "service")).isFalse();
        assertThat(hasTable(url(config, "empty"), "DATABASECHANGELOG")).isFalse();
        assertThat(hasTable(url(config, "empty"), "DATABASECHANGELOGLOCK")).isFalse();
        assertThat(Migrator.fromProperties(config).migrateAll().values())
                .allMatch(report -> report.succeeded() && report.changeSetsRun().isEmpty());
    }

    @Test
    void movingTheAppDirectoryToTheFileSystemRunsNothingAgain() throws Exception {
        Map<String, Object> config = database("default");
        config.put("multidb.apps.billing.changelog", "db/billing/changelog.xml");
        Migrator.fromProperties(config).migrate("default").throwIfFailed();
        for (String file : List.of("changelog.xml", "tables.xml", "more/001-sql.xml", "sql/002-invoice-line.sql")) {
            Path target = temp.resolve("moved/billing/" + file);
            Files.createDirectories(target.getParent());
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("db/billing/" + file);
                 OutputStream out = Files.newOutputStream(target)) {
                in.transferTo(out);
            }
        }
        config.put("multidb.apps.billing.changelog", temp.resolve("moved/billing/changelog.xml").toString());

        MigrationReport again = Migrator.fromProperties(config).migrate("default").throwIfFailed();

        assertThat(again.changeSetsRun()).isEmpty();
        assertThat(history(url(config, "default"))).containsExactly("billing/tables.xml::1::dave",
                "billing/more/001-sql.xml::2::dave");
    }

    @Test
    void renamedAppAdoptsItsHistoryOnEachAliasWhereItRan() throws Exception {
        Map<String, Object> config = database("default");
        config.putAll(database("other"));
        config.put("multidb.apps.services.changelog", "db/services/changelog.xml");
        Migrator.fromProperties(config).migrate("default").throwIfFailed();
        config.remove("multidb.apps.services.changelog");
        config.put("multidb.apps.ingress.changelog", "db/services/changelog.xml");
        config.put("multidb.apps.ingress.formerly", "services");

        Map<String, MigrationReport> reports = Migrator.fromProperties(config).migrateAll();

        assertThat(reports.get("default").throwIfFailed().changeSetsRun()).isEmpty();
        assertThat(reports.get("default").adoptions()).containsExactly(new Adoption("ingress", "services", 3));
        assertThat(reports.get("other").throwIfFailed().changeSetsRun()).hasSize(3);
        assertThat(reports.get("other").adoptions()).isEmpty();
        assertThat(history(url(config, "default"))).allMatch(row -> row.startsWith("ingress/")).hasSize(3);
        assertThat(count(url(config, "default"), "SELECT COUNT(*) FROM MULTIDB_APP_HISTORY WHERE APP = 'ingress'"
                + " AND FORMERLY = 'services' AND CHANGESETS = 3")).isEqualTo(1);
        assertThat(hasTable(url(config, "other"), "MULTIDB_APP_HISTORY")).isFalse();
    }

    @Test
    void statusAndSqlChangeNothingThenRollbackUndoes() throws Exception {
        Map<String, Object> config = database("default");
        config.put("multidb.apps.services.changelog", "db/services/changelog.xml");
        Migrator migrator = Migrator.fromProperties(config);

        assertThat(migrator.status("default").pending().get("services")).hasSize(3);
        assertThat(migrator.updateSql("default").sql()).containsIgnoringCase("CREATE TABLE")
                .contains("services/v1/002-data.xml");
        assertThat(hasTable(url(config, "default"), "DATABASECHANGELOG")).isFalse();
        assertThat(hasTable(url(config, "default"), "service")).isFalse();

        migrator.migrate("default").throwIfFailed();
        assertThat(migrator.rollback("default", "services", 2).throwIfFailed().rolledBack())
                .extracting(ChangeSetId::id).containsExactly("3", "2");
        assertThat(history(url(config, "default"))).containsExactly("services/v1/001-tables.xml::1::alice");
        assertThat(migrator.status("default").pending().get("services")).extracting(ChangeSetId::id)
                .containsExactly("2", "3");
    }

    @Test
    void aHeldLockNamesItsHolderSinceWhenAndHowToReleaseIt() throws Exception {
        Map<String, Object> config = database("default");
        config.put("multidb.apps.services.changelog", "db/services/changelog.xml");
        Migrator migrator = Migrator.fromProperties(config);
        migrator.migrate("default").throwIfFailed();
        execute(url(config, "default"), "UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE, LOCKEDBY = 'ci-runner-3 (10.1.2.3)',"
                + " LOCKGRANTED = TIMESTAMP '2025-03-01 08:30:00'");
        String since = Timestamp.valueOf("2025-03-01 08:30:00").toInstant().toString();

        MigrationReport report = migrator.migrate("default");

        assertThat(report.succeeded()).isFalse();
        assertThat(report.failure()).hasMessage("Cannot migrate 'default': its Liquibase lock is held by"
                + " 'ci-runner-3 (10.1.2.3)' since " + since + ". If that process is still migrating, wait for it"
                + " to finish; if it is gone, release the lock with: multidb release-locks --database default"
                + " (or Migrator.releaseLocks(\"default\")).");
        Path file = writeConfig(config);
        assertThat(cli("--config", file.toString(), "migrate", "--database", "default").code).isEqualTo(1);
        assertThat(cli("--config", file.toString(), "release-locks", "--database", "default").out)
                .startsWith("default: released the lock held by 'ci-runner-3 (10.1.2.3)' since " + since);
        assertThat(migrator.migrate("default").succeeded()).isTrue();
    }

    @Test
    void migrateAllRunsFourAliasesInParallel() throws Exception {
        Map<String, Object> config = new LinkedHashMap<>();
        for (String alias : List.of("a1", "a2", "a3", "a4")) {
            config.putAll(database(alias));
        }
        config.put("multidb.apps.services.changelog", "db/services/changelog.xml");
        config.put("multidb.apps.billing.changelog", "db/billing/changelog.xml");
        List<String> threads = new ArrayList<>();

        Map<String, MigrationReport> reports = Migrator.fromProperties(config)
                .withProgress(line -> {
                    synchronized (threads) {
                        threads.add(Thread.currentThread().getName());
                    }
                })
                .migrateAll();

        assertThat(reports).containsOnlyKeys("a1", "a2", "a3", "a4");
        assertThat(reports.values()).allMatch(report -> report.succeeded() && report.changeSetsRun().size() == 5);
        assertThat(threads.stream().distinct().count()).isEqualTo(4);
        for (String alias : List.of("a1", "a2", "a3", "a4")) {
            assertThat(history(url(config, alias))).hasSize(5);
        }
    }

    @Test
    void commandLineExitCodesAndOutput() throws Exception {
        Map<String, Object> config = twoAliases();
        Path file = writeConfig(config);

        Result status = cli("--config", file.toString(), "status");
        assertThat(status.code).isZero();
        assertThat(status.out).startsWith("default: 3 changesets pending");

        Result migrate = cli("--config", file.toString(), "migrate", "--all");
        assertThat(migrate.code).isZero();
        assertThat(migrate.out).contains("default: OK, 3 changesets run").contains("users: OK, 1 changeset run")
                .contains("empty: OK, 0 changesets run");
        assertThat(migrate.err).contains("[users] ran auth/changelog.xml::1::carol");

        execute(url(config, "users"), "DELETE FROM DATABASECHANGELOG");
        Result failed = cli("--config", file.toString(), "migrate", "--all");
        assertThat(failed.code).isEqualTo(1);
        assertThat(failed.out).contains("users: FAILED").contains("default: OK, 0 changesets run");

        assertThat(cli("--config", file.toString(), "migrate", "--database", "replica").code).isEqualTo(2);
        assertThat(cli("--config", file.toString(), "sql").code).isEqualTo(2);
    }

    @Test
    void changeSetsMixingSchemaAndDataChangesAreRefusedBeforeAnythingRuns() throws Exception {
        assumeFalse(transactionalDdl(), "schema changes are transactional here");
        String product = server().product().equals("h2") ? "H2" : "MariaDB";
        Map<String, Object> config = database("default");
        config.put("multidb.apps.halfway.changelog", "db/halfway/changelog.xml");

        MigrationReport report = Migrator.fromProperties(config).migrate("default");

        assertThat(report.succeeded()).isFalse();
        assertThat(report.failure()).hasMessage("Refusing to migrate 'default' (" + product + "):"
                + " halfway/changelog.xml::2::erin mixes schema changes (createTable) with data changes (sql INSERT);"
                + " halfway/changelog.xml::3::erin mixes schema changes (sql CREATE) with data changes (sql INSERT)."
                + " " + product + " commits schema changes at once, so a changeset that failed half-way would leave its schema"
                + " change applied, its data changes partly done and no history row. Split each into one changeset"
                + " with the schema changes and one with the data changes, or, if a half-applied changeset is"
                + " acceptable, add the label 'multidb:accept-mixed' to it (labels=\"multidb:accept-mixed\")."
                + " Nothing was run.");
        assertThat(report.changeSetsRun()).isEmpty();
        assertThat(hasTable(url(config, "default"), "half_ok")).isFalse();
        assertThat(hasTable(url(config, "default"), "DATABASECHANGELOG")).isFalse();
        Path file = writeConfig(config);
        assertThat(cli("--config", file.toString(), "migrate", "--database", "default").code()).isEqualTo(1);
    }

    @Test
    void aMixedChangeSetMarkedAsAcceptedRuns() throws Exception {
        assumeFalse(transactionalDdl(), "schema changes are transactional here");
        Map<String, Object> config = database("default");
        config.put("multidb.apps.accepted.changelog", "db/accepted/changelog.xml");

        MigrationReport report = Migrator.fromProperties(config).migrate("default").throwIfFailed();

        assertThat(report.changeSetsRun()).hasSize(1);
        assertThat(count(url(config, "default"), "SELECT COUNT(*) FROM accepted_table")).isEqualTo(1);
    }

    // ---------------------------------------------------------------------------------------------

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MultiDbCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the executable jar built by the module ({@code -cli.jar}) in its own JVM: {@code java -jar}. */
    static Result jar(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", System.getProperty("multidb.cli.jar")));
        command.addAll(List.of(args));
        return exec(workDir, command);
    }

    /**
     * Runs the jar's main class with the test classes (routers, class path changelogs) beside it, as an
     * application puts its own classes next to the jar.
     */
    static Result jarWithTestClasses(Path workDir, String... args) throws Exception {
        Path testClasses = Path.of(MigrationContract.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = new ArrayList<>(List.of(java(), "-cp",
                System.getProperty("multidb.cli.jar") + java.io.File.pathSeparator + testClasses,
                MultiDbCommand.class.getName()));
        command.addAll(List.of(args));
        return exec(workDir, command);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Result exec(Path workDir, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "jar", ".out");
        Path err = Files.createTempFile(workDir, "jar", ".err");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("multidb did not finish: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Copies a test app's changelog directory to the file system; returns the changelog's path. */
    Path export(String app, String... files) throws IOException {
        for (String file : files) {
            Path target = temp.resolve("exported/" + app + "/" + file);
            Files.createDirectories(target.getParent());
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("db/" + app + "/" + file);
                 OutputStream out = Files.newOutputStream(target)) {
                in.transferTo(out);
            }
        }
        return temp.resolve("exported/" + app + "/" + files[0]);
    }

    Path writeConfig(Map<String, Object> config) throws IOException {
        Path file = Files.createTempFile(temp, "multidb", ".properties");
        StringBuilder text = new StringBuilder();
        config.forEach((key, value) -> text.append(key).append('=').append(String.valueOf(value).replace("\\", "\\\\"))
                .append('\n'));
        Files.writeString(file, text);
        return file;
    }

    Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, server().username(), server().password());
    }

    List<String> history(String url) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(url)) {
            if (!hasTable(connection, "DATABASECHANGELOG")) {
                return rows;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery(
                         "SELECT FILENAME, ID, AUTHOR FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED")) {
                while (result.next()) {
                    rows.add(result.getString(1) + "::" + result.getString(2) + "::" + result.getString(3));
                }
            }
        }
        return rows;
    }

    boolean hasTable(String url, String table) throws SQLException {
        try (Connection connection = connect(url)) {
            return hasTable(connection, table);
        }
    }

    static boolean hasTable(Connection connection, String table) throws SQLException {
        for (String candidate : List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
            try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
                    candidate, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    void execute(String url, String sql) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    long count(String url, String sql) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
