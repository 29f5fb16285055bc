package dev.multidb.spi;

import dev.multidb.internal.config.DatabaseSettings;
import dev.multidb.internal.config.JdbcUrls;

/**
 * One alias of a unit ({@code multidb.databases.<alias>.*}) as configured. {@link #toString()} never shows the
 * password.
 */
public final class ConfiguredDatabase {

    private final DatabaseSettings settings;

    ConfiguredDatabase(DatabaseSettings settings) {
        this.settings = settings;
    }

    public String alias() {
        return settings.alias();
    }

    /** The JDBC URL as configured: it may carry a password ({@link #maskedUrl()} for messages). */
    public String url() {
        return settings.url();
    }

    /** The URL with its password parameters masked. */
    public String maskedUrl() {
        return JdbcUrls.mask(settings.url());
    }

    /** The user name, or {@code null}. */
    public String username() {
        return settings.username();
    }

    /** The password, or {@code null}: to open a connection with, never to show. */
    public String password() {
        return settings.password() == null ? null : settings.password().reveal();
    }

    /** The primary this alias replicates, or {@code null}. */
    public String replicaOf() {
        return settings.replicaOf();
    }

    public boolean isReplica() {
        return settings.isReplica();
    }

    @Override
    public String toString() {
        return "ConfiguredDatabase[" + alias() + ", " + maskedUrl() + (isReplica() ? ", replica of " + replicaOf() : "")
                + "]";
    }
}
