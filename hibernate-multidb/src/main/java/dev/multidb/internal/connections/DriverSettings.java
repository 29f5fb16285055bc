package dev.multidb.internal.connections;

import dev.multidb.internal.config.DatabaseSettings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The network and lock timeouts of an alias, and the read-only mode of a replica, as driver properties of its pool
 * ({@code dataSource.*} in HikariCP's terms). Without a network timeout a connection to a frozen server (SIGSTOP, a dead network path) waits for ever;
 * without a lock timeout a deadlock across two databases, each seeing half of it, is never broken on PostgreSQL.
 *
 * <ul>
 *   <li>PostgreSQL: {@code socketTimeout} (seconds), {@code options=-c lock_timeout=<ms>}, and
 *       {@code cancelSignalTimeout} of {@link StatementTimeouts#GRACE_MILLIS}: a statement past its query timeout
 *       waits for the driver's cancel request, which a frozen server never answers (10 s by default).</li>
 *   <li>MariaDB and MySQL: {@code socketTimeout} (milliseconds) and
 *       {@code sessionVariables=innodb_lock_wait_timeout=<s>}.</li>
 *   <li>A PostgreSQL replica: {@code readOnlyMode=always}, so that its read-only connections are read-only outside
 *       transactions too (the driver's default applies read-only to transactions only).</li>
 * </ul>
 * A property the alias already sets, in its URL or as {@code hikari.dataSource.*}, is left as it is. Other products
 * get none: configure them through their own driver properties.
 */
final class DriverSettings {

    private DriverSettings() {
    }

    /** The {@code dataSource.*} pool properties that apply the alias's timeouts (and a replica's read-only mode). */
    static Map<String, String> of(DatabaseSettings database) {
        Map<String, String> properties = new LinkedHashMap<>();
        String url = database.url().toLowerCase(Locale.ROOT);
        Duration network = database.networkTimeoutOrDefault();
        Duration lock = database.lockTimeoutOrDefault();
        if (url.startsWith("jdbc:postgresql:")) {
            if (!network.isZero()) {
                put(properties, database, url, "socketTimeout", String.valueOf(Math.max(1, ceilSeconds(network))));
            }
            put(properties, database, url, "cancelSignalTimeout",
                    String.valueOf(Math.max(1, StatementTimeouts.GRACE_MILLIS / 1_000)));
            if (!lock.isZero()) {
                put(properties, database, url, "options", "-c lock_timeout=" + lock.toMillis());
            }
            if (database.isReplica()) {
                put(properties, database, url, "readOnlyMode", "always");
            }
        } else if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            if (!network.isZero()) {
                put(properties, database, url, "socketTimeout", String.valueOf(network.toMillis()));
            }
            if (!lock.isZero()) {
                put(properties, database, url, "sessionVariables",
                        "innodb_lock_wait_timeout=" + Math.max(1, ceilSeconds(lock)));
            }
        }
        return properties;
    }

    private static void put(Map<String, String> properties, DatabaseSettings database, String url, String name,
                            String value) {
        boolean inUrl = url.contains(name.toLowerCase(Locale.ROOT) + "=");
        if (!inUrl && !database.hikari().containsKey("dataSource." + name)) {
            properties.put("dataSource." + name, value);
        }
    }

    private static long ceilSeconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }
}
