package dev.multidb.liquibase.bench;

import dev.multidb.liquibase.MigrationReport;
import dev.multidb.liquibase.Migrator;
import dev.multidb.testservers.DatabaseServers;
import dev.multidb.testservers.Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code migrate --all} (aliases in parallel) against the same aliases migrated one after another.
 *
 * <p>Four aliases, each a fresh database on the same server, one app whose changelog has 200 changesets
 * (100 {@code createTable}, each followed by an {@code insert} into it). Every round creates eight fresh
 * databases: four are migrated one after another with {@link Migrator#migrate(String)}, the other four
 * with {@link Migrator#migrateAll()}; the two sides alternate which goes first, and the databases are
 * dropped after the round. Two rounds warm the JVM up and are not counted; the median of the other
 * rounds is reported. Everything (JVM, database server) shares the machine's cores.
 *
 * <p>Run: {@code mvn -o -q -pl liquibase-bridge test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.multidb.liquibase.bench.MigrateAllBenchmark -Dexec.args="h2 postgresql mariadb 5"}
 * (products, then rounds).
 */
public final class MigrateAllBenchmark {

    static final int ALIASES = 4;
    static final int CHANGESETS = 200;
    static final int WARM_UP_ROUNDS = 2;

    private MigrateAllBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> products = new ArrayList<>(Arrays.asList(args));
        int rounds = 5;
        if (!products.isEmpty() && products.get(products.size() - 1).matches("\\d+")) {
            rounds = Integer.parseInt(products.remove(products.size() - 1));
        }
        if (products.isEmpty()) {
            products = List.of("h2", "postgresql", "mariadb");
        }
        Path changelog = writeChangelog(Files.createTempDirectory("multidb-bench"));
        System.out.printf(Locale.ROOT, "cores: %d, java %s, %d aliases x %d changesets, %d rounds (+%d warm-up),"
                + " load average at start: %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), ALIASES, CHANGESETS, rounds, WARM_UP_ROUNDS, loadAverage());
        System.out.println("| product | sequential (median) | migrate --all (median) | ratio |");
        System.out.println("|---|---|---|---|");
        for (String product : products) {
            Server server = switch (product) {
                case "h2" -> DatabaseServers.h2();
                case "postgresql" -> DatabaseServers.postgres();
                case "mariadb" -> DatabaseServers.mariadb();
                default -> throw new IllegalArgumentException("unknown product " + product);
            };
            measure(product, server, changelog, rounds);
        }
        System.out.println("load average at end: " + loadAverage());
        System.exit(0);
    }

    private static void measure(String product, Server server, Path changelog, int rounds) throws SQLException {
        List<Long> sequential = new ArrayList<>();
        List<Long> parallel = new ArrayList<>();
        for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
            boolean sequentialFirst = round % 2 == 0;
            List<String> sequentialDatabases = new ArrayList<>();
            List<String> parallelDatabases = new ArrayList<>();
            Migrator forSequential = migrator(server, changelog, sequentialDatabases);
            Migrator forParallel = migrator(server, changelog, parallelDatabases);
            long s;
            long p;
            if (sequentialFirst) {
                s = runSequential(forSequential);
                p = runParallel(forParallel);
            } else {
                p = runParallel(forParallel);
                s = runSequential(forSequential);
            }
            drop(server, sequentialDatabases);
            drop(server, parallelDatabases);
            if (round >= 0) {
                sequential.add(s);
                parallel.add(p);
            }
            System.err.printf(Locale.ROOT, "%s round %d: sequential %d ms, migrate --all %d ms%n", product, round,
                    s / 1_000_000, p / 1_000_000);
        }
        double seq = median(sequential) / 1e6;
        double par = median(parallel) / 1e6;
        System.out.printf(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.2f |%n", product, seq, par, par / seq);
    }

    private static Migrator migrator(Server server, Path changelog, List<String> databases) {
        Map<String, Object> config = new LinkedHashMap<>();
        for (int i = 1; i <= ALIASES; i++) {
            String alias = "alias" + i;
            String database = server.createDatabase("bench_" + alias);
            databases.add(database);
            config.putAll(server.multidbProperties(alias, database));
        }
        config.put("multidb.apps.bench.changelog", changelog.toString());
        return Migrator.fromProperties(config);
    }

    /** Drops the round's databases, so that rounds do not slow down as the server (or H2's heap) fills up. */
    private static void drop(Server server, List<String> databases) throws SQLException {
        for (String database : databases) {
            switch (server.product()) {
                case "h2" -> execute(server, server.jdbcUrl(database), "SHUTDOWN");
                case "postgresql" -> execute(server, server.jdbcUrl("postgres"), "DROP DATABASE \"" + database + "\"");
                default -> execute(server, server.jdbcUrl("mysql"), "DROP DATABASE `" + database + "`");
            }
        }
    }

    private static void execute(Server server, String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, server.username(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long runSequential(Migrator migrator) {
        long start = System.nanoTime();
        for (String alias : migrator.aliases()) {
            check(migrator.migrate(alias));
        }
        return System.nanoTime() - start;
    }

    private static long runParallel(Migrator migrator) {
        long start = System.nanoTime();
        migrator.migrateAll().values().forEach(MigrateAllBenchmark::check);
        return System.nanoTime() - start;
    }

    private static void check(MigrationReport report) {
        if (!report.succeeded() || report.changeSetsRun().size() != CHANGESETS) {
            throw new IllegalStateException("benchmark migration of " + report.alias() + " went wrong: "
                    + report.changeSetsRun().size() + " changesets run", report.failure());
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** One changelog of {@value #CHANGESETS} changesets: a table, then a row in it, and so on. */
    static Path writeChangelog(Path dir) throws IOException {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                                   xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                                   http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                """);
        for (int i = 1; i <= CHANGESETS / 2; i++) {
            xml.append("  <changeSet id=\"table-").append(i).append("\" author=\"bench\">\n")
                    .append("    <createTable tableName=\"bench_").append(i).append("\">\n")
                    .append("      <column name=\"id\" type=\"int\"><constraints primaryKey=\"true\"/></column>\n")
                    .append("      <column name=\"name\" type=\"varchar(100)\"/>\n")
                    .append("    </createTable>\n  </changeSet>\n")
                    .append("  <changeSet id=\"row-").append(i).append("\" author=\"bench\">\n")
                    .append("    <insert tableName=\"bench_").append(i).append("\">\n")
                    .append("      <column name=\"id\" valueNumeric=\"1\"/>\n")
                    .append("      <column name=\"name\" value=\"row ").append(i).append("\"/>\n")
                    .append("    </insert>\n  </changeSet>\n");
        }
        xml.append("</databaseChangeLog>\n");
        Path file = dir.resolve("bench/changelog.xml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, xml);
        return file;
    }
}
