package dev.multidb.junit.support;

import dev.multidb.MultiDbEntityManagerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Counts and writes rows with raw JDBC: the truth about what a database holds. */
public final class Rows {

    private Rows() {
    }

    /** Rows of {@code table} on {@code alias}, read through the factory's {@code dataSource(alias)}. */
    public static long count(MultiDbEntityManagerFactory factory, String alias, String table) {
        try (Connection connection = factory.dataSource(alias).getConnection()) {
            return count(connection, table);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of {@code table}, read on a connection of its own, outside every factory and pool. */
    public static long countOutside(String url, String user, String password, String table) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            return count(connection, table);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one update on a connection of its own, outside every factory and pool. */
    public static void updateOutside(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
