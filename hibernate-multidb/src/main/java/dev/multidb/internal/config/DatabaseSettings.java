package dev.multidb.internal.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The settings of one database alias, from the {@code multidb.databases.<alias>.*} keys.
 *
 * <p>Why a record with a hand-written {@code toString()}: the generated one would print the URL as
 * given, and a URL may carry a password. Here the URL is shown through {@link JdbcUrls#mask} and the
 * password is a {@link Secret}, so logging a {@code DatabaseSettings} is always safe.
 *
 * @param alias          the alias, matching {@code [A-Za-z_][A-Za-z0-9_-]*}
 * @param url            the JDBC URL, with {@code ${env:..}}/{@code ${file:..}} already substituted
 * @param username       the user, or {@code null} when not configured
 * @param password       the password, or {@code null} when not configured
 * @param dialect        the Hibernate dialect class name, or {@code null} to let Hibernate detect it
 * @param hikari         HikariCP properties (the part after {@code hikari.}) to their values, sorted and
 *                       unmodifiable; every key is a HikariConfig property or {@code dataSource.<name>},
 *                       every value converts to that property's type
 * @param replicaOf      the alias this one is a read replica of, or {@code null}
 * @param readYourWrites how long after a committed write to this alias its reads stay off its replicas;
 *                       {@link #DEFAULT_READ_YOUR_WRITES} unless configured, {@link Duration#ZERO} = off
 * @param networkTimeout how long a connection waits for the server to answer before it gives up as broken;
 *                       {@code null} for the default ({@link #networkTimeoutOrDefault()}), {@link Duration#ZERO} = none
 * @param lockTimeout    how long a statement waits for a row lock; {@code null} for the default
 *                       ({@link #DEFAULT_LOCK_TIMEOUT}), {@link Duration#ZERO} = the database's own setting
 */
public record DatabaseSettings(String alias, String url, String username, Secret password, String dialect,
        Map<String, String> hikari, String replicaOf, Duration readYourWrites, Duration networkTimeout,
        Duration lockTimeout) {

    /** The read-your-writes window when none is configured: two seconds. */
    public static final Duration DEFAULT_READ_YOUR_WRITES = Duration.ofSeconds(2);
    /** A primary's network timeout when none is configured. */
    public static final Duration DEFAULT_NETWORK_TIMEOUT = Duration.ofSeconds(60);
    /** A replica's network timeout when none is configured: shorter, its reads can go elsewhere. */
    public static final Duration DEFAULT_REPLICA_NETWORK_TIMEOUT = Duration.ofSeconds(10);
    /** The lock wait bound when none is configured. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);

    /** The settings without the timeouts (both default). */
    public DatabaseSettings(String alias, String url, String username, Secret password, String dialect,
            Map<String, String> hikari, String replicaOf, Duration readYourWrites) {
        this(alias, url, username, password, dialect, hikari, replicaOf, readYourWrites, null, null);
    }

    /** The network timeout in force: the configured one, else the default of a primary or a replica. */
    public Duration networkTimeoutOrDefault() {
        return networkTimeout != null ? networkTimeout
                : isReplica() ? DEFAULT_REPLICA_NETWORK_TIMEOUT : DEFAULT_NETWORK_TIMEOUT;
    }

    /** The lock timeout in force. */
    public Duration lockTimeoutOrDefault() {
        return lockTimeout != null ? lockTimeout : DEFAULT_LOCK_TIMEOUT;
    }

    /** Checks the required parts and freezes {@code hikari} (sorted, unmodifiable). */
    public DatabaseSettings {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(readYourWrites, "readYourWrites");
        if (readYourWrites.isNegative()) {
            throw new IllegalArgumentException("readYourWrites must not be negative");
        }
        hikari = Collections.unmodifiableSortedMap(new TreeMap<>(hikari == null ? Map.of() : hikari));
    }

    /** Whether this alias is a read replica of another ({@link #replicaOf()} is set). */
    public boolean isReplica() {
        return replicaOf != null;
    }

    /** The secrets this alias carries: its password, passwords inside its URL, secret pool properties. */
    public List<String> secretValues() {
        List<String> secrets = new ArrayList<>(JdbcUrls.passwords(url));
        if (password != null) {
            secrets.add(password.reveal());
        }
        hikari.forEach((property, value) -> {
            if (HikariProperties.isSecret(property)) {
                secrets.add(value);
            }
        });
        return secrets;
    }

    /** The settings with the URL masked and passwords shown as {@code ****}. */
    @Override
    public String toString() {
        Map<String, String> pool = new TreeMap<>(hikari);
        pool.replaceAll((property, value) -> HikariProperties.isSecret(property) ? Redaction.MASK : value);
        String text = "DatabaseSettings[alias=" + alias
                + ", url=" + JdbcUrls.mask(url)
                + ", username=" + username
                + ", password=" + password
                + ", dialect=" + dialect
                + ", hikari=" + pool
                + ", replicaOf=" + replicaOf
                + ", readYourWrites=" + readYourWrites
                + (networkTimeout != null ? ", networkTimeout=" + networkTimeout : "")
                + (lockTimeout != null ? ", lockTimeout=" + lockTimeout : "") + "]";
        return Redaction.redact(text, secretValues());
    }
}
