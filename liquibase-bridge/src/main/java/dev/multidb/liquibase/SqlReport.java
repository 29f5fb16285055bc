package dev.multidb.liquibase;

import java.util.List;
import java.util.Objects;

/**
 * The SQL {@link Migrator#migrate(String)} would send to one alias, produced without executing any of
 * it (Liquibase's {@code update-sql}, per app).
 *
 * @param alias          the alias
 * @param sql            the script: for each allowed app with pending changesets, a comment naming the
 *                       app, then the statements of its pending changesets and of their history rows
 *                       (and of the history table, if it does not exist yet)
 * @param appsNotAllowed the apps with a changelog that {@code allowMigrate} keeps off the alias
 */
public record SqlReport(String alias, String sql, List<String> appsNotAllowed) {

    /** Requires the alias and the script; copies the list. */
    public SqlReport {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(sql, "sql");
        appsNotAllowed = List.copyOf(appsNotAllowed);
    }
}
