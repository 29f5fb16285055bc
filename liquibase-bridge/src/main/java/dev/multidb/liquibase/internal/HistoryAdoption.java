package dev.multidb.liquibase.internal;

import dev.multidb.liquibase.Adoption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A renamed app ({@code multidb.apps.<app>.formerly=<old>}) takes over the history recorded under its
 * former name on one alias: the rows of {@code DATABASECHANGELOG} whose {@code FILENAME} starts with
 * {@code <old>/} now start with {@code <app>/}, so none of their changesets runs again. Each adoption is
 * recorded in {@code MULTIDB_APP_HISTORY} (app, former name, rows adopted, when), in the same
 * transaction. Idempotent: once no row is left under the former name there is nothing to do.
 *
 * <p>Why rows are rewritten instead of remembered as an alias: the history table then tells the truth
 * by itself, for Liquibase's own tools as well, and the former name can be dropped from the
 * configuration once every alias has been migrated.
 */
final class HistoryAdoption {

    /** The bridge's own record of adoptions, beside Liquibase's tables. */
    static final String TABLE = "MULTIDB_APP_HISTORY";

    private HistoryAdoption() {
    }

    /** How many recorded rows the adoption would take over; 0 when there is no history table. */
    static int count(AliasDatabase db, String formerly) throws SQLException {
        return rowsOf(db, formerly).size();
    }

    /**
     * Adopts the rows of {@code formerly} for {@code app} and records it; the caller holds the alias's
     * lock. Returns {@code null} when there was nothing to adopt.
     */
    static Adoption adopt(AliasDatabase db, String app, String formerly) throws SQLException {
        List<String[]> rows = rowsOf(db, formerly);
        if (rows.isEmpty()) {
            return null;
        }
        Connection connection = db.connection();
        String table = History.changeLogTable(db.database());
        boolean autoCommit = connection.getAutoCommit();
        // Created first, on its own: on MariaDB a CREATE TABLE would commit the adoption half-way.
        createRecordTable(connection);
        connection.setAutoCommit(false);
        try (PreparedStatement exists = connection.prepareStatement(
                     "SELECT COUNT(*) FROM " + table + " WHERE ID = ? AND AUTHOR = ? AND FILENAME = ?");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE " + table + " SET FILENAME = ? WHERE ID = ? AND AUTHOR = ? AND FILENAME = ?");
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM " + table + " WHERE ID = ? AND AUTHOR = ? AND FILENAME = ?")) {
            for (String[] row : rows) {
                String id = row[0];
                String author = row[1];
                String oldName = row[2];
                String newName = app + oldName.substring(formerly.length());
                if (count(exists, id, author, newName) > 0) {
                    // already recorded under the new name (run again by hand, or adopted elsewhere): keep one row
                    bind(delete, id, author, oldName).executeUpdate();
                } else {
                    update.setString(1, newName);
                    update.setString(2, id);
                    update.setString(3, author);
                    update.setString(4, oldName);
                    update.executeUpdate();
                }
            }
            record(connection, app, formerly, rows.size());
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return new Adoption(app, formerly, rows.size());
    }

    private static List<String[]> rowsOf(AliasDatabase db, String formerly) throws SQLException {
        Connection connection = db.connection();
        List<String[]> rows = new ArrayList<>();
        if (!History.tableExists(connection, db.database().getDatabaseChangeLogTableName())) {
            return rows;
        }
        String prefix = formerly + "/";
        try (PreparedStatement select = connection.prepareStatement("SELECT ID, AUTHOR, FILENAME FROM "
                + History.changeLogTable(db.database()) + " WHERE FILENAME LIKE ?")) {
            select.setString(1, formerly + "/%"); // "_" matches itself too; startsWith below is exact
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    String fileName = result.getString(3);
                    if (fileName != null && fileName.startsWith(prefix)) {
                        rows.add(new String[] {result.getString(1), result.getString(2), fileName});
                    }
                }
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit(); // end the read transaction: Liquibase starts from a clean one
        }
        return rows;
    }

    private static void createRecordTable(Connection connection) throws SQLException {
        if (!History.tableExists(connection, TABLE)) {
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE " + TABLE + " (APP VARCHAR(255) NOT NULL, FORMERLY VARCHAR(255) NOT NULL,"
                        + " CHANGESETS INTEGER NOT NULL, ADOPTED_AT TIMESTAMP NOT NULL)");
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    private static void record(Connection connection, String app, String formerly, int changeSets) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + TABLE + " (APP, FORMERLY, CHANGESETS, ADOPTED_AT) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, app);
            insert.setString(2, formerly);
            insert.setInt(3, changeSets);
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    private static int count(PreparedStatement exists, String id, String author, String fileName) throws SQLException {
        try (ResultSet result = bind(exists, id, author, fileName).executeQuery()) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    private static PreparedStatement bind(PreparedStatement statement, String id, String author, String fileName)
            throws SQLException {
        statement.setString(1, id);
        statement.setString(2, author);
        statement.setString(3, fileName);
        return statement;
    }
}
