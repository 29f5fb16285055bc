package dev.multidb.internal.config;

/**
 * One recognised {@code multidb.*} key, taken apart.
 *
 * @param name    the full key, as written
 * @param scope   what the key configures
 * @param owner   the alias (DATABASE, HIKARI) or app (APP); {@code null} for ROUTERS
 * @param setting the setting ({@code url}, {@code changelog}, ...), or for HIKARI the HikariCP property
 */
record ConfigKey(String name, Scope scope, String owner, String setting) {

    /** What a key configures. */
    enum Scope { DATABASE, HIKARI, ROUTERS, APP }

    /** Whether the value is a password, to be masked wherever it would be shown. */
    boolean isSecret() {
        return (scope == Scope.DATABASE && setting.equals("password"))
                || (scope == Scope.HIKARI && HikariProperties.isSecret(setting));
    }

    /** The value as it may appear in a message: masked for passwords, URL passwords hidden. */
    String shown(String value) {
        if (isSecret()) {
            return Redaction.MASK;
        }
        return scope == Scope.DATABASE && setting.equals("url") ? JdbcUrls.mask(value) : value;
    }
}
