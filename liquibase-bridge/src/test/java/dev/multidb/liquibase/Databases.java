package dev.multidb.liquibase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Test helpers: configuration maps and reading a database's tables over plain JDBC. */
final class Databases {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Databases() {
    }

    /** A fresh in-memory H2 URL. */
    static String h2(String name) {
        return "jdbc:h2:mem:" + name + "_" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }

    /** {@code multidb.databases.<alias>.url=<url>} entries for alternating alias/url arguments, plus extra keys. */
    static Map<String, Object> config(String... aliasesAndUrls) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < aliasesAndUrls.length; i += 2) {
            properties.put("multidb.databases." + aliasesAndUrls[i] + ".url", aliasesAndUrls[i + 1]);
            if (aliasesAndUrls[i + 1].startsWith("jdbc:h2:")) {
                properties.put("multidb.databases." + aliasesAndUrls[i] + ".username", "sa");
            }
        }
        return properties;
    }

    /** The FILENAME::ID::AUTHOR of every history row of the database at {@code url}, in execution order. */
    static List<String> history(String url, String user, String password) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            if (!hasTable(connection, "DATABASECHANGELOG")) {
                return rows;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery(
                         "SELECT FILENAME, ID, AUTHOR FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED, DATEEXECUTED")) {
                while (result.next()) {
                    rows.add(result.getString(1) + "::" + result.getString(2) + "::" + result.getString(3));
                }
            }
        }
        return rows;
    }

    static List<String> history(String url) throws SQLException {
        return history(url, "sa", "");
    }

    /** Whether the database at {@code url} has a table of that name (any case). */
    static boolean hasTable(String url, String user, String password, String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            return hasTable(connection, table);
        }
    }

    static boolean hasTable(String url, String table) throws SQLException {
        return hasTable(url, "sa", "", table);
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

    /** Runs one statement on the database at {@code url}. */
    static void execute(String url, String user, String password, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
