package dev.multidb.junit.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@link dev.multidb.junit.Isolation#TRUNCATE}: after each test, every table of the unit's entities
 * that exists on a declared alias is emptied (Django's {@code TransactionTestCase} flush), replicas
 * excluded.
 *
 * <p>Which tables: those Hibernate maps for the alias's database product (entity and collection
 * tables) that exist on the alias, as its JDBC metadata says. Only those: a table that belongs to no
 * entity (Liquibase's history, a table-based id generator, reference data of the user's own) is left
 * alone, and an entity whose table {@code allowMigrate} kept off the alias is simply not there. The
 * work is done on a connection taken from the alias's pool directly, so statement listeners do not see
 * it.
 */
final class TableFlush implements TestIsolation {

    private final SharedFactory shared;
    private final List<String> aliases;

    TableFlush(SharedFactory shared, Collection<String> aliases) {
        this.shared = shared;
        this.aliases = aliases.stream().filter(alias -> !shared.isReplica(alias)).toList();
    }

    @Override
    public void beforeTest() {
        // Nothing: connections behave as in production during the test.
    }

    @Override
    public void afterTest() throws SQLException {
        List<Exception> failures = new ArrayList<>();
        for (String alias : aliases) {
            try {
                flush(alias);
            } catch (SQLException | RuntimeException e) {
                failures.add(e);
            }
        }
        Failures.rethrow(failures);
    }

    @Override
    public void close() {
        // Nothing held between tests.
    }

    private void flush(String alias) throws SQLException {
        try (Connection connection = shared.rawPool(alias).getConnection()) {
            connection.setAutoCommit(true);
            List<String> tables = existingTables(connection, shared.mappedTables(alias));
            if (tables.isEmpty()) {
                return;
            }
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            try (Statement statement = connection.createStatement()) {
                if (product.contains("postgres")) {
                    truncatePostgres(statement, tables);
                } else if (product.equals("h2")) {
                    truncateWithChecksOff(statement, tables, "SET REFERENTIAL_INTEGRITY FALSE",
                            "SET REFERENTIAL_INTEGRITY TRUE");
                } else if (product.contains("mysql") || product.contains("mariadb")) {
                    truncateWithChecksOff(statement, tables, "SET FOREIGN_KEY_CHECKS = 0", "SET FOREIGN_KEY_CHECKS = 1");
                } else {
                    deleteInPasses(statement, tables);
                }
            }
        } catch (SQLException e) {
            throw new SQLException("Could not empty the tables of alias '" + alias + "' after the test: " + e.getMessage(),
                    e.getSQLState(), e);
        }
    }

    /**
     * One statement for all tables, so foreign keys between them do not matter. A lock timeout turns a
     * connection left open by the test (an entity manager or transaction never closed) into an error
     * instead of a hang.
     */
    private static void truncatePostgres(Statement statement, List<String> tables) throws SQLException {
        statement.execute("SET lock_timeout = '10s'");
        try {
            statement.execute("TRUNCATE TABLE " + String.join(", ", tables));
        } catch (SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                throw new SQLException(e.getMessage() + " (a connection of the test still holds a lock: an entity"
                        + " manager or transaction left open?)", e.getSQLState(), e);
            }
            throw e;
        } finally {
            statement.execute("RESET lock_timeout");
        }
    }

    private static void truncateWithChecksOff(Statement statement, List<String> tables, String off, String on)
            throws SQLException {
        statement.execute(off);
        try {
            for (String table : tables) {
                statement.execute("TRUNCATE TABLE " + table);
            }
        } finally {
            statement.execute(on);
        }
    }

    /** Other products: delete table by table, retrying those a foreign key held back, while progress is made. */
    private static void deleteInPasses(Statement statement, List<String> tables) throws SQLException {
        List<String> remaining = new ArrayList<>(tables);
        while (!remaining.isEmpty()) {
            List<String> failed = new ArrayList<>();
            SQLException last = null;
            for (String table : remaining) {
                try {
                    statement.executeUpdate("DELETE FROM " + table);
                } catch (SQLException e) {
                    failed.add(table);
                    last = e;
                }
            }
            if (failed.size() == remaining.size()) {
                throw last;
            }
            remaining = failed;
        }
    }

    /**
     * The mapped tables that exist on the connection's database, quoted and schema-qualified as the
     * metadata spells them. A mapped name without a schema matches a table of the connection's current
     * schema (or of any schema when the driver does not say which is current).
     */
    private static List<String> existingTables(Connection connection, Set<MappedTable> mapped) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        String quote = metadata.getIdentifierQuoteString();
        quote = quote == null || quote.isBlank() ? "" : quote.trim();
        String currentSchema = connection.getSchema();
        List<String> found = new ArrayList<>();
        try (ResultSet rows = metadata.getTables(connection.getCatalog(), null, "%", null)) {
            while (rows.next()) {
                String schema = rows.getString("TABLE_SCHEM");
                String name = rows.getString("TABLE_NAME");
                String type = rows.getString("TABLE_TYPE");
                if (!isTable(type) || !matches(mapped, schema, name, currentSchema)) {
                    continue;
                }
                found.add(schema == null ? quoted(name, quote) : quoted(schema, quote) + "." + quoted(name, quote));
            }
        }
        return found;
    }

    private static String quoted(String identifier, String quote) {
        return quote.isEmpty() ? identifier : quote + identifier.replace(quote, quote + quote) + quote;
    }

    private static boolean isTable(String type) {
        return type != null && switch (type.toUpperCase(Locale.ROOT)) {
            case "TABLE", "BASE TABLE", "PARTITIONED TABLE" -> true;
            default -> false;
        };
    }

    private static boolean matches(Set<MappedTable> mapped, String schema, String name, String currentSchema) {
        String table = name.toLowerCase(Locale.ROOT);
        String lowerSchema = schema == null ? null : schema.toLowerCase(Locale.ROOT);
        if (mapped.contains(new MappedTable(lowerSchema, table))) {
            return true;
        }
        boolean inCurrentSchema = currentSchema == null || schema == null || schema.equalsIgnoreCase(currentSchema);
        return inCurrentSchema && mapped.contains(new MappedTable(null, table));
    }

    /**
     * A table name as Hibernate maps it, without quotes, lower-cased; {@code schema} is {@code null} when
     * the mapping does not name one.
     */
    record MappedTable(String schema, String table) {

        /** Parses {@code table}, {@code schema.table} or {@code catalog.schema.table}, quoted or not. */
        static MappedTable parse(String qualifiedName) {
            String plain = qualifiedName.replaceAll("[\"`\\[\\]]", "").toLowerCase(Locale.ROOT);
            int dot = plain.lastIndexOf('.');
            if (dot < 0) {
                return new MappedTable(null, plain);
            }
            String qualifier = plain.substring(0, dot);
            return new MappedTable(qualifier.substring(qualifier.lastIndexOf('.') + 1), plain.substring(dot + 1));
        }
    }
}
