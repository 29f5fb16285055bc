package dev.multidb.internal.config;

import dev.multidb.MultiDbException;
import dev.multidb.UnknownDatabaseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The checks that involve more than one key: every configured alias has a URL, at least one alias
 * exists, replicas point at a primary, and apps do not claim the same former name or package.
 *
 * <p>Why separate from the per-key reading: these checks need the whole picture, and keeping them in
 * one place makes the list of cross-key rules easy to review against the documentation.
 */
final class CrossChecks {

    private CrossChecks() {
    }

    static Map<String, DatabaseSettings> databases(Map<String, SettingsParser.DatabaseDraft> drafts) {
        Map<String, DatabaseSettings> databases = new TreeMap<>();
        for (SettingsParser.DatabaseDraft draft : drafts.values()) {
            if (draft.url == null) {
                String url = ConfigKeys.PREFIX + "databases." + draft.alias + ".url";
                throw new MultiDbException("The database '" + draft.alias + "' has settings ("
                        + String.join(", ", draft.settings) + ") but no URL. Set '" + url + "' to its JDBC URL,"
                        + " for example jdbc:postgresql://localhost:5432/" + draft.alias + ", or remove the other '"
                        + ConfigKeys.PREFIX + "databases." + draft.alias + ".*' keys.");
            }
            databases.put(draft.alias, new DatabaseSettings(draft.alias, draft.url, draft.username, draft.password,
                    draft.dialect, draft.hikari, draft.replicaOf, draft.readYourWrites, draft.networkTimeout,
                    draft.lockTimeout));
        }
        if (databases.isEmpty()) {
            throw new MultiDbException("No database is configured. Set at least one '" + ConfigKeys.PREFIX
                    + "databases.<alias>.url', for example " + ConfigKeys.PREFIX
                    + "databases.default.url=jdbc:postgresql://localhost:5432/app.");
        }
        drafts.values().forEach(draft -> checkReplica(draft, databases));
        checkCaseCollisions(databases.keySet());
        databases.values().forEach(CrossChecks::checkDialect);
        return databases;
    }

    /** Aliases are case-sensitive; two that differ only by case would name the same pool in logs and tools. */
    private static void checkCaseCollisions(Set<String> aliases) {
        Map<String, String> byLowerCase = new HashMap<>();
        for (String alias : aliases) {
            String other = byLowerCase.putIfAbsent(alias.toLowerCase(java.util.Locale.ROOT), alias);
            if (other != null) {
                throw new MultiDbException("The aliases '" + other + "' and '" + alias + "' differ only by case;"
                        + " pools, logs and tools would confuse them. Rename one of them.");
            }
        }
    }

    /** Sub-protocols whose product is certain, and the word every Hibernate dialect of that product has in its name. */
    private static final Map<String, java.util.List<String>> DIALECTS_BY_SUBPROTOCOL = Map.of(
            "postgresql", java.util.List.of("PostgreSQL", "PostgresPlus", "Cockroach", "Yugabyte"),
            "mariadb", java.util.List.of("MariaDB", "MySQL"),
            "mysql", java.util.List.of("MySQL", "MariaDB", "TiDB"),
            "h2", java.util.List.of("H2"),
            "oracle", java.util.List.of("Oracle"),
            "sqlserver", java.util.List.of("SQLServer"),
            "db2", java.util.List.of("DB2"),
            "hsqldb", java.util.List.of("HSQL"),
            "derby", java.util.List.of("Derby"));

    /** A dialect of another product than the URL's makes Hibernate write SQL the database does not speak. */
    private static void checkDialect(DatabaseSettings database) {
        if (database.dialect() == null) {
            return;
        }
        String[] parts = database.url().split(":", 4);
        String subProtocol = parts.length >= 3 && parts[1].equals("tc") ? parts[2] : parts.length >= 2 ? parts[1] : "";
        java.util.List<String> words = DIALECTS_BY_SUBPROTOCOL.get(subProtocol.toLowerCase(java.util.Locale.ROOT));
        String dialect = database.dialect();
        String simpleName = dialect.substring(dialect.lastIndexOf('.') + 1);
        if (words == null || words.stream().anyMatch(simpleName::contains)) {
            return;
        }
        throw new MultiDbException("Invalid value '" + dialect + "' for '" + ConfigKeys.PREFIX + "databases."
                + database.alias() + ".dialect': the URL of '" + database.alias() + "' is a " + subProtocol
                + " database (" + JdbcUrls.mask(database.url()) + "), and that dialect is not one of its. Remove the"
                + " key to let Hibernate detect the dialect, or name a " + String.join(" or ", words) + " dialect.");
    }

    private static void checkReplica(SettingsParser.DatabaseDraft draft, Map<String, DatabaseSettings> databases) {
        String primary = draft.replicaOf;
        if (primary == null) {
            return;
        }
        String key = draft.replicaOfKey.name();
        if (primary.equals(draft.alias)) {
            throw new MultiDbException("Invalid value '" + primary + "' for '" + key + "': a database cannot be a"
                    + " replica of itself. Set it to the alias of the primary database, or remove the key.");
        }
        DatabaseSettings target = databases.get(primary);
        if (target == null) {
            Set<String> known = databases.keySet();
            throw new UnknownDatabaseException("Invalid value '" + primary + "' for '" + key + "'. "
                    + UnknownDatabaseException.message(primary, known) + " "
                    + DidYouMean.closest(primary, known).map(s -> "Did you mean '" + s + "'?")
                            .orElse("Set it to the alias of the primary database."), primary);
        }
        if (target.isReplica()) {
            throw new MultiDbException("Invalid value '" + primary + "' for '" + key + "': '" + primary
                    + "' is itself a replica (of '" + target.replicaOf() + "'), and a replica cannot have replicas."
                    + " Set '" + key + "' to '" + target.replicaOf() + "' instead.");
        }
    }

    static Map<String, AppSettings> apps(Map<String, SettingsParser.AppDraft> drafts) {
        Map<String, AppSettings> apps = new TreeMap<>();
        Map<String, SettingsParser.AppDraft> byFormerName = new HashMap<>();
        Map<String, SettingsParser.AppDraft> byPackage = new HashMap<>();
        for (SettingsParser.AppDraft draft : drafts.values()) {
            if (draft.formerly != null) {
                checkFormerly(draft, byFormerName.putIfAbsent(draft.formerly, draft));
            }
            for (String name : draft.packages) {
                SettingsParser.AppDraft other = byPackage.putIfAbsent(name, draft);
                if (other != null && other != draft) {
                    throw new MultiDbException("Package '" + name + "' is listed in both '" + other.packagesKey.name()
                            + "' and '" + draft.packagesKey.name() + "'. An entity belongs to one app: remove the"
                            + " package from one of the two keys.");
                }
            }
            apps.put(draft.name, new AppSettings(draft.name, draft.changelog, draft.packages, draft.formerly));
        }
        return apps;
    }

    private static void checkFormerly(SettingsParser.AppDraft draft, SettingsParser.AppDraft sameFormerName) {
        String key = draft.formerlyKey.name();
        if (draft.formerly.equals(draft.name)) {
            throw new MultiDbException("Invalid value '" + draft.formerly + "' for '" + key + "': an app cannot"
                    + " formerly have had its own name. Set it to the app's previous name, or remove the key.");
        }
        if (sameFormerName != null) {
            throw new MultiDbException("The apps '" + sameFormerName.name + "' and '" + draft.name + "' both say they"
                    + " were formerly '" + draft.formerly + "' ('" + sameFormerName.formerlyKey.name() + "' and '"
                    + key + "'). Only one app can adopt the migration history of '" + draft.formerly
                    + "': remove one of the two keys.");
        }
    }
}
