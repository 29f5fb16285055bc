package dev.multidb.internal.config;

import dev.multidb.MultiDbException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard ways of configuring one database, read as the configuration of alias {@code default}:
 * {@code jakarta.persistence.jdbc.url}, {@code .user}, {@code .password} and {@code .driver} (and their legacy
 * {@code javax.persistence.jdbc.*} names), so that a unit written for plain Hibernate works when its provider is
 * changed. Settings that choose Hibernate's connections in a way a multidb unit cannot honour (each alias has its
 * own pool) fail, saying what to use instead: none is ignored silently.
 */
public final class StandardKeys {

    private record Mapping(String standard, String multidb) {
    }

    private static final String DEFAULT = ConfigKeys.PREFIX + "databases.default.";
    private static final List<Mapping> MAPPINGS = List.of(
            new Mapping("jakarta.persistence.jdbc.url", DEFAULT + "url"),
            new Mapping("jakarta.persistence.jdbc.user", DEFAULT + "username"),
            new Mapping("jakarta.persistence.jdbc.password", DEFAULT + "password"),
            new Mapping("jakarta.persistence.jdbc.driver", DEFAULT + "hikari.driverClassName"),
            new Mapping("javax.persistence.jdbc.url", DEFAULT + "url"),
            new Mapping("javax.persistence.jdbc.user", DEFAULT + "username"),
            new Mapping("javax.persistence.jdbc.password", DEFAULT + "password"),
            new Mapping("javax.persistence.jdbc.driver", DEFAULT + "hikari.driverClassName"));

    /** Settings refused in a multidb unit, with what to use instead. */
    private static final Map<String, String> REFUSED = Map.of(
            "hibernate.connection.url", "'" + DEFAULT + "url' (or jakarta.persistence.jdbc.url) for alias 'default',"
                    + " 'multidb.databases.<alias>.url' for the others",
            "hibernate.connection.provider_class", "'multidb.databases.<alias>.hikari.<property>' to configure each"
                    + " alias's HikariCP pool",
            "hibernate.multi_tenant_connection_provider", "'multidb.databases.<alias>.*' keys: hibernate-multidb"
                    + " provides the connections of every alias itself",
            "hibernate.connection.datasource", "'multidb.databases.<alias>.url' (and .hikari.dataSourceClassName) to"
                    + " configure each alias's pool");

    /**
     * Whether Hibernate may be given {@code key}: not the {@code multidb.*} keys, nor the standard JDBC keys read as
     * alias {@code default}'s (Hibernate would hold, and log, their URLs and passwords).
     */
    public static boolean isForHibernate(String key) {
        return !key.startsWith(ConfigKeys.PREFIX) && MAPPINGS.stream().noneMatch(m -> m.standard().equals(key));
    }

    private StandardKeys() {
    }

    /**
     * {@code properties} with each standard key given as its {@code multidb.databases.default.*} equivalent.
     *
     * @throws MultiDbException when a standard key and its equivalent are both given, or when a setting that
     *         cannot apply to a multidb unit is given
     */
    public static Map<String, Object> apply(Map<String, ?> properties) {
        for (Map.Entry<String, String> refused : REFUSED.entrySet()) {
            Object value = properties.get(refused.getKey());
            if (value != null && !value.toString().isBlank()) {
                throw new MultiDbException("The setting '" + refused.getKey() + "' cannot apply to a hibernate-multidb"
                        + " unit: every alias has its own pool, made by hibernate-multidb. Remove it and use "
                        + refused.getValue() + " instead.");
            }
        }
        Map<String, Object> translated = new HashMap<>(properties);
        for (Mapping mapping : MAPPINGS) {
            Object value = translated.remove(mapping.standard());
            if (value == null) {
                continue;
            }
            if (properties.get(mapping.multidb()) != null) {
                throw new MultiDbException("Both '" + mapping.standard() + "' and '" + mapping.multidb() + "' are set;"
                        + " they configure the same setting of alias 'default'. Keep one of them.");
            }
            // jakarta.* comes first in MAPPINGS: given with its legacy javax.* name too, it wins, as in Hibernate
            translated.putIfAbsent(mapping.multidb(), value);
        }
        return translated;
    }
}
