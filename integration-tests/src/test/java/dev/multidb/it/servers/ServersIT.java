package dev.multidb.it.servers;

import dev.multidb.testservers.DatabaseServers;
import dev.multidb.testservers.Server;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that {@link DatabaseServers} hands out real, shared servers, before any other integration test
 * relies on them: if this class fails, failures elsewhere are about the infrastructure, not the library.
 */
class ServersIT {

    static Stream<Server> servers() {
        return Stream.of(DatabaseServers.h2(), DatabaseServers.postgres(), DatabaseServers.mariadb());
    }

    @Test
    void postgresIsARealPostgreSqlServer() throws SQLException {
        Server server = DatabaseServers.postgres();
        String database = server.createDatabase("version");

        assertThat(server.product()).isEqualTo("postgresql");
        assertThat(queryString(server, database, "select version()")).contains("PostgreSQL");
    }

    @Test
    void mariadbIsARealMariaDbServer() throws SQLException {
        Server server = DatabaseServers.mariadb();
        String database = server.createDatabase("version");

        assertThat(server.product()).isEqualTo("mariadb");
        assertThat(queryString(server, database, "select version()")).contains("MariaDB");
    }

    @Test
    void h2IsH2() throws SQLException {
        Server server = DatabaseServers.h2();
        String database = server.createDatabase("version");

        assertThat(server.product()).isEqualTo("h2");
        assertThat(queryString(server, database, "select h2version()")).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void createDatabaseGivesDistinctEmptyDatabases(Server server) throws SQLException {
        String first = server.createDatabase("Distinct-Test");
        String second = server.createDatabase("Distinct-Test");

        assertThat(first).isNotEqualTo(second).startsWith("distinct_test_");
        assertThat(tableCount(server, first)).isZero();
        assertThat(tableCount(server, second)).isZero();

        execute(server, first, "create table item (id int primary key)");
        execute(server, first, "insert into item values (1)");

        assertThat(tableCount(server, first)).isEqualTo(1);
        assertThat(tableCount(server, second)).as("a table of another database").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void multidbPropertiesConnect(Server server) throws SQLException {
        String database = server.createDatabase("props");
        var properties = server.multidbProperties("main", database);

        assertThat(properties).containsOnlyKeys(
                "multidb.databases.main.url", "multidb.databases.main.username", "multidb.databases.main.password");
        try (Connection connection = DriverManager.getConnection(properties.get("multidb.databases.main.url"),
                properties.get("multidb.databases.main.username"), properties.get("multidb.databases.main.password"))) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    void serversAreStartedOncePerJvmEvenUnderConcurrentFirstUse() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Callable<List<Server>> allThree = () -> List.of(
                    DatabaseServers.postgres(), DatabaseServers.mariadb(), DatabaseServers.h2());
            List<Future<List<Server>>> futures = pool.invokeAll(
                    IntStream.range(0, 8).mapToObj(i -> allThree).collect(Collectors.toList()));
            List<Server> expected = allThree.call();
            for (Future<List<Server>> future : futures) {
                List<Server> actual = future.get();
                for (int i = 0; i < expected.size(); i++) {
                    assertThat(actual.get(i)).isSameAs(expected.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(DatabaseServers.postgres()).isSameAs(DatabaseServers.postgres());
        // ...and the shared server is still the running one.
        Server postgres = DatabaseServers.postgres();
        assertThat(queryString(postgres, postgres.createDatabase("again"), "select version()")).contains("PostgreSQL");
    }

    private static String queryString(Server server, String database, String sql) throws SQLException {
        try (Connection connection = connect(server, database);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }

    private static int tableCount(Server server, String database) throws SQLException {
        String schemaCondition = switch (server.product()) {
            case "h2" -> "table_schema = 'PUBLIC'";
            case "postgresql" -> "table_schema = 'public'";
            case "mariadb" -> "table_schema = database()";
            default -> throw new IllegalArgumentException(server.product());
        };
        return Integer.parseInt(queryString(server, database,
                "select count(*) from information_schema.tables where " + schemaCondition));
    }

    private static void execute(Server server, String database, String sql) throws SQLException {
        try (Connection connection = connect(server, database);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(Server server, String database) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), server.username(), server.password());
    }
}
