package dev.multidb.liquibase.internal;

import dev.multidb.liquibase.ChangeSetId;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryService;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.IgnoreChangeSetFilter;
import liquibase.database.Database;
import liquibase.exception.DatabaseException;

/**
 * Reads an alias's migration history without changing anything: no table is created, so asking about
 * an alias never leaves a trace on it.
 */
final class History {

    private History() {
    }

    /** Liquibase's history service for the database (one per database, kept by Liquibase). */
    static ChangeLogHistoryService service(Database database) {
        return Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).getChangeLogService(database);
    }

    /** The escaped name of {@code DATABASECHANGELOG}. */
    static String changeLogTable(Database database) {
        return database.escapeTableName(database.getLiquibaseCatalogName(), database.getLiquibaseSchemaName(),
                database.getDatabaseChangeLogTableName());
    }

    /** Whether a table exists in the connection's current catalog and schema, whatever case the database folds names to. */
    static boolean tableExists(Connection connection, String name) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String schema = connection.getSchema();
        for (String candidate : new LinkedHashSet<>(List.of(name, name.toUpperCase(Locale.ROOT),
                name.toLowerCase(Locale.ROOT)))) {
            try (ResultSet tables = metaData.getTables(connection.getCatalog(), schema, candidate, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The changesets recorded on the database; empty when it has no history table. */
    static List<RanChangeSet> ran(AliasDatabase db) throws DatabaseException {
        try {
            if (!tableExists(db.connection(), db.database().getDatabaseChangeLogTableName())) {
                return List.of();
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
        return service(db.database()).getRanChangeSets();
    }

    /**
     * The changesets of {@code changeLog} that a migration would run, in order: those not recorded (with
     * {@code rename} applied to recorded file names, for a former app name not adopted yet), those that
     * always run, and changed ones that run on change.
     */
    static List<ChangeSet> pending(DatabaseChangeLog changeLog, Database database, List<RanChangeSet> ran,
            UnaryOperator<String> rename) {
        Map<String, RanChangeSet> byKey = new HashMap<>();
        for (RanChangeSet ranChangeSet : ran) {
            byKey.put(key(rename.apply(DatabaseChangeLog.normalizePath(ranChangeSet.getStoredChangeLog())),
                    ranChangeSet.getId(), ranChangeSet.getAuthor()), ranChangeSet);
        }
        DbmsChangeSetFilter dbms = new DbmsChangeSetFilter(database);
        IgnoreChangeSetFilter ignore = new IgnoreChangeSetFilter();
        List<ChangeSet> pending = new ArrayList<>();
        for (ChangeSet changeSet : changeLog.getChangeSets()) {
            if (!dbms.accepts(changeSet).isAccepted() || !ignore.accepts(changeSet).isAccepted()) {
                continue;
            }
            RanChangeSet recorded = byKey.get(key(DatabaseChangeLog.normalizePath(changeSet.getFilePath()),
                    changeSet.getId(), changeSet.getAuthor()));
            if (recorded == null || changeSet.isAlwaysRun()
                    || (changeSet.isRunOnChange() && !changeSet.isCheckSumValid(recorded.getLastCheckSum()))) {
                pending.add(changeSet);
            }
        }
        return pending;
    }

    /** Renames {@code <formerly>/...} to {@code <app>/...}; identity when there is no former name. */
    static UnaryOperator<String> renaming(String app, String formerly) {
        if (formerly == null) {
            return UnaryOperator.identity();
        }
        String prefix = formerly + "/";
        return fileName -> fileName != null && fileName.startsWith(prefix)
                ? app + "/" + fileName.substring(prefix.length()) : fileName;
    }

    /** The bridge's identity of a changeset whose file path is {@code <app>/<path>}. */
    static ChangeSetId id(String app, ChangeSet changeSet) {
        String fileName = DatabaseChangeLog.normalizePath(changeSet.getFilePath());
        String path = fileName.startsWith(app + "/") ? fileName.substring(app.length() + 1) : fileName;
        return new ChangeSetId(app, path, changeSet.getId(), changeSet.getAuthor());
    }

    /** The identities of several changesets. */
    static List<ChangeSetId> ids(String app, List<ChangeSet> changeSets) {
        return changeSets.stream().map(changeSet -> id(app, changeSet)).toList();
    }

    /** The set of {@code path::id::author} keys of changesets, for lookups. */
    static Set<String> keys(List<ChangeSet> changeSets) {
        Set<String> keys = new java.util.HashSet<>();
        for (ChangeSet changeSet : changeSets) {
            keys.add(key(DatabaseChangeLog.normalizePath(changeSet.getFilePath()), changeSet.getId(),
                    changeSet.getAuthor()));
        }
        return keys;
    }

    static String key(String fileName, String id, String author) {
        return fileName + "::" + id + "::" + author;
    }
}
