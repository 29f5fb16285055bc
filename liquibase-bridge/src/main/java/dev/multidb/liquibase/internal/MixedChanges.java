package dev.multidb.liquibase.internal;

import dev.multidb.liquibase.ChangeSetId;
import dev.multidb.liquibase.MigrationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.core.AbstractModifyDataChange;
import liquibase.change.core.EmptyChange;
import liquibase.change.core.InsertDataChange;
import liquibase.change.core.LoadDataChange;
import liquibase.change.core.OutputChange;
import liquibase.change.core.StopChange;
import liquibase.change.core.TagDatabaseChange;
import liquibase.change.custom.CustomChangeWrapper;
import liquibase.changelog.ChangeSet;
import liquibase.util.StringUtil;

/**
 * Refuses, before anything runs, changesets that mix schema and data changes on databases whose schema
 * changes commit at once or cannot be rolled back (MariaDB, MySQL, Oracle, H2).
 *
 * <p>Why: Liquibase runs a changeset in one transaction and writes its history row in it. Where a
 * {@code CREATE}/{@code ALTER} commits implicitly, a changeset that fails after its schema change leaves
 * that change in place, its data changes half done and no history row: the next run fails on the
 * existing table, and the history no longer tells what happened. A changeset with only schema changes
 * or only data changes does not have that problem to the same degree; a mixed one is split in two.
 *
 * <p>How changes are classified: {@code insert}, {@code update}, {@code delete}, {@code loadData},
 * {@code loadUpdateData} and custom changes (which may do anything) are data; {@code tagDatabase},
 * {@code empty}, {@code output} and {@code stop} are neither; {@code sql} and {@code sqlFile} are
 * classified statement by statement by their first keyword ({@code CREATE}, {@code ALTER}, {@code DROP},
 * {@code RENAME}, {@code TRUNCATE}, {@code GRANT}, {@code REVOKE}, {@code COMMENT} are schema;
 * {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code MERGE}, {@code REPLACE}, {@code CALL},
 * {@code SELECT}, {@code WITH}, {@code LOAD}, {@code DO} are data; others neither); every other change
 * type is a schema change. No SQL is parsed beyond that first keyword.
 *
 * <p>A changeset that is meant to mix them carries the label {@value #ACCEPT_LABEL}.
 */
final class MixedChanges {

    /** The changeset label that accepts a mixed changeset on a database without transactional DDL. */
    static final String ACCEPT_LABEL = "multidb:accept-mixed";

    /** Liquibase short names of products whose DDL commits implicitly. */
    private static final Set<String> IMPLICIT_DDL_COMMIT = Set.of("mariadb", "mysql", "oracle", "h2");

    private static final Set<String> SCHEMA_KEYWORDS = Set.of("CREATE", "ALTER", "DROP", "RENAME", "TRUNCATE",
            "GRANT", "REVOKE", "COMMENT");
    private static final Set<String> DATA_KEYWORDS = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE",
            "CALL", "SELECT", "WITH", "LOAD", "DO", "UPSERT");

    private MixedChanges() {
    }

    /** Whether schema changes on this product commit implicitly, so that the check applies. */
    static boolean applies(String product) {
        return IMPLICIT_DDL_COMMIT.contains(product);
    }

    /**
     * The description of one mixed changeset, or {@code null} when it is not mixed or is accepted:
     * {@code app/path::id::author mixes schema changes (createTable) with data changes (insert)}.
     */
    static String describeIfMixed(ChangeSetId id, ChangeSet changeSet) {
        if (changeSet.getLabels() != null && changeSet.getLabels().getLabels().contains(ACCEPT_LABEL)) {
            return null;
        }
        Set<String> schema = new TreeSet<>();
        Set<String> data = new TreeSet<>();
        for (Change change : changeSet.getChanges()) {
            String name = change.getSerializedObjectName();
            if (change instanceof AbstractSQLChange sql) {
                classifySql(sql, name, schema, data);
            } else if (isData(change)) {
                data.add(name);
            } else if (!isNeutral(change)) {
                schema.add(name);
            }
        }
        if (schema.isEmpty() || data.isEmpty()) {
            return null;
        }
        return id + " mixes schema changes (" + String.join(", ", schema) + ") with data changes ("
                + String.join(", ", data) + ")";
    }

    /**
     * Fails when any of the pending changesets is mixed.
     *
     * @param mixed the descriptions from {@link #describeIfMixed}, in changelog order
     */
    static void refuseIfAny(String alias, String product, List<String> mixed) {
        if (mixed.isEmpty()) {
            return;
        }
        String productName = switch (product) {
            case "mariadb" -> "MariaDB";
            case "mysql" -> "MySQL";
            case "oracle" -> "Oracle";
            case "h2" -> "H2";
            default -> product;
        };
        throw new MigrationException(alias, "Refusing to migrate '" + alias + "' (" + productName + "): "
                + String.join("; ", mixed) + ". " + productName + " commits schema changes at once, so a changeset"
                + " that failed half-way would leave its schema change applied, its data changes partly done and no"
                + " history row. Split each into one changeset with the schema changes and one with the data"
                + " changes, or, if a half-applied changeset is acceptable, add the label '" + ACCEPT_LABEL
                + "' to it (labels=\"" + ACCEPT_LABEL + "\"). Nothing was run.", null);
    }

    private static void classifySql(AbstractSQLChange change, String name, Set<String> schema, Set<String> data) {
        String sql;
        try {
            sql = change.getSql();
        } catch (RuntimeException e) {
            return; // unreadable here; running it will report the problem
        }
        if (sql == null) {
            return;
        }
        String delimiter = change.getEndDelimiter();
        for (String statement : StringUtil.processMultiLineSQL(sql, true, true, delimiter)) {
            String keyword = firstKeyword(statement);
            if (SCHEMA_KEYWORDS.contains(keyword)) {
                schema.add(name + " " + keyword);
            } else if (DATA_KEYWORDS.contains(keyword)) {
                data.add(name + " " + keyword);
            }
        }
    }

    static String firstKeyword(String statement) {
        String text = statement.strip();
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end).toUpperCase(Locale.ROOT);
    }

    private static boolean isData(Change change) {
        return change instanceof InsertDataChange || change instanceof AbstractModifyDataChange
                || change instanceof LoadDataChange || change instanceof CustomChangeWrapper;
    }

    private static boolean isNeutral(Change change) {
        return change instanceof TagDatabaseChange || change instanceof EmptyChange
                || change instanceof OutputChange || change instanceof StopChange;
    }

    /** All mixed changesets among {@code pending}, described. */
    static List<String> findMixed(String app, List<ChangeSet> pending) {
        List<String> mixed = new ArrayList<>();
        for (ChangeSet changeSet : pending) {
            String description = describeIfMixed(History.id(app, changeSet), changeSet);
            if (description != null) {
                mixed.add(description);
            }
        }
        return mixed;
    }
}
