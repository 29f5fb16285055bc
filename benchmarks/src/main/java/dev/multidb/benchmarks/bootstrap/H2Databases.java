package dev.multidb.benchmarks.bootstrap;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Raw JDBC on the benchmark's H2 in-memory databases, beside whatever pool holds them: open sessions,
 * and the schema dumped and replayed, so that the H2-only baseline holds exactly the tables, keys and
 * indexes Hibernate created.
 */
final class H2Databases {

    private H2Databases() {
    }

    /** Sessions open on database {@code a<number>}, not counting the one asking. */
    static int openSessions(int number) throws SQLException {
        try (Connection connection = DriverManager.getConnection(BootstrapModel.url(number));
             PreparedStatement statement = connection.prepareStatement(
                     "select count(*) from information_schema.sessions");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1) - 1;
        }
    }

    /** Writes the DDL of database {@code a<number>} (no rows) to {@code file}. */
    static void dumpSchema(int number, Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection(BootstrapModel.url(number));
             PreparedStatement statement = connection.prepareStatement("script nodata to ?")) {
            statement.setString(1, file.toAbsolutePath().toString());
            statement.execute();
        }
    }

    /** Runs the DDL {@link #dumpSchema} wrote into database {@code a<number>}, creating it. */
    static void runScript(int number, Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection(BootstrapModel.url(number));
             PreparedStatement statement = connection.prepareStatement("runscript from ?")) {
            statement.setString(1, file.toAbsolutePath().toString());
            statement.execute();
        }
    }
}
