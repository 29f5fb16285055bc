package dev.multidb.support;

import dev.multidb.MultiDbEntityManagerFactory;
import jakarta.persistence.Persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds factories over fresh in-memory H2 databases, so tests never see each other's rows. */
public final class TestFactories {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestFactories() {
    }

    /** A fresh, unique H2 in-memory URL. */
    public static String h2Url(String name) {
        return "jdbc:h2:mem:" + name + "-" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }

    /** The unit {@code books} with {@code default} and {@code other} on fresh H2 databases, plus extra keys. */
    public static MultiDbEntityManagerFactory books(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("multidb.databases.default.url", h2Url("default"));
        properties.put("multidb.databases.other.url", h2Url("other"));
        properties.putAll(extra);
        return (MultiDbEntityManagerFactory) Persistence.createEntityManagerFactory("books", properties);
    }

    /** Counts rows with raw JDBC on one alias: the truth about what a database holds. */
    public static long count(MultiDbEntityManagerFactory factory, String alias, String table) {
        try (Connection connection = factory.dataSource(alias).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One string column of one row, read with raw JDBC on one alias. */
    public static String value(MultiDbEntityManagerFactory factory, String alias, String sql) {
        try (Connection connection = factory.dataSource(alias).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
