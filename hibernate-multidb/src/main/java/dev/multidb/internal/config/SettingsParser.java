package dev.multidb.internal.config;

import dev.multidb.DatabaseRouter;
import dev.multidb.MultiDbException;
import dev.multidb.UnknownDatabaseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads the {@code multidb.*} keys of a properties map into {@link MultiDbSettings}: one pass per key
 * (recognise, substitute, convert), then the checks that involve several keys, then the routers.
 *
 * <p>Why this order: key errors come first because a misspelt key usually explains a later "missing"
 * error; routers come last because instantiating them runs user code, which should only happen once
 * the rest is known to be valid. Keys are handled in sorted order, so the same mistake always gives
 * the same message. Every message leaves through {@link #redacted}, which hides any password read so
 * far, whatever check produced it.
 */
final class SettingsParser {

    private final ClassLoader classLoader;
    private final Substitution substitution;
    private final Set<String> secrets = new LinkedHashSet<>();
    private final Map<String, DatabaseDraft> databases = new TreeMap<>();
    private final Map<String, AppDraft> apps = new TreeMap<>();

    SettingsParser(ClassLoader classLoader, Function<String, String> environment) {
        this.classLoader = classLoader;
        this.substitution = new Substitution(environment);
    }

    MultiDbSettings parse(Map<String, ?> properties) {
        try {
            return read(properties);
        } catch (MultiDbException e) {
            throw redacted(e);
        }
    }

    private MultiDbSettings read(Map<String, ?> properties) {
        Map<String, Object> raw = ours(properties);
        Map<ConfigKey, Object> keys = new LinkedHashMap<>();
        raw.forEach((name, value) -> keys.put(ConfigKeys.classify(name), value));
        Object routers = null;
        for (Map.Entry<ConfigKey, Object> entry : keys.entrySet()) {
            ConfigKey key = entry.getKey();
            if (key.scope() == ConfigKey.Scope.ROUTERS) {
                routers = requireValue(key, entry.getValue());
            } else if (key.scope() == ConfigKey.Scope.APP) {
                apps.computeIfAbsent(key.owner(), AppDraft::new).set(key, text(key, entry.getValue()));
            } else {
                databases.computeIfAbsent(key.owner(), DatabaseDraft::new).set(key, text(key, entry.getValue()));
            }
        }
        Map<String, DatabaseSettings> built = CrossChecks.databases(databases);
        Map<String, AppSettings> builtApps = CrossChecks.apps(apps);
        List<DatabaseRouter> loaded = routers == null ? List.of()
                : new RouterLoader(classLoader, text -> substitution.apply(RouterLoader.KEY, text, false))
                        .load(routers);
        return new MultiDbSettings(built, loaded, builtApps);
    }

    /** The entries whose key starts with {@code multidb.}, sorted; raw secrets are noted on the way. */
    private Map<String, Object> ours(Map<?, ?> properties) {
        Map<String, Object> raw = new TreeMap<>();
        for (Map.Entry<?, ?> entry : properties.entrySet()) {
            if (entry.getKey() instanceof String name && name.startsWith(ConfigKeys.PREFIX)) {
                raw.put(name, entry.getValue());
                if (entry.getValue() instanceof String value) {
                    noteSecrets(name, value);
                }
            }
        }
        return raw;
    }

    private void noteSecrets(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".password") || (lower.contains(".hikari.") && lower.contains("password"))) {
            secrets.add(value);
        } else if (lower.endsWith(".url")) {
            secrets.addAll(JdbcUrls.passwords(value));
        }
    }

    private static Object requireValue(ConfigKey key, Object value) {
        if (value == null) {
            throw new MultiDbException("The value of '" + key.name()
                    + "' is null. Give it a value, or remove the key.");
        }
        return value;
    }

    /** The value as text, with placeholders substituted. Numbers, booleans and durations are accepted as text. */
    private String text(ConfigKey key, Object value) {
        requireValue(key, value);
        boolean textual = value instanceof String || value instanceof Number || value instanceof Boolean
                || (value instanceof Duration && key.setting().matches("read-your-writes|network-timeout|lock-timeout"));
        if (!textual) {
            throw new MultiDbException("Invalid value for '" + key.name() + "': expected text but got "
                    + value.getClass().getName() + ". Give the value as a String.");
        }
        String resolved = substitution.apply(key.name(), value.toString(), key.isSecret());
        noteSecrets(key.name(), resolved);
        return resolved;
    }

    private MultiDbException redacted(MultiDbException e) {
        String message = Redaction.redact(e.getMessage(), secrets);
        Throwable cause = Redaction.redactChain(e.getCause(), secrets);
        if (message == null || (message.equals(e.getMessage()) && cause == e.getCause())) {
            return e;
        }
        MultiDbException copy = e instanceof UnknownDatabaseException unknown
                ? new UnknownDatabaseException(message, unknown.alias())
                : new MultiDbException(message, cause);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** The keys of one alias as they are read; turned into a {@link DatabaseSettings} by {@link CrossChecks}. */
    static final class DatabaseDraft {
        final String alias;
        final List<String> settings = new ArrayList<>();
        final Map<String, String> hikari = new TreeMap<>();
        String url;
        String username;
        Secret password;
        String dialect;
        String replicaOf;
        ConfigKey replicaOfKey;
        Duration readYourWrites = DatabaseSettings.DEFAULT_READ_YOUR_WRITES;
        Duration networkTimeout;
        Duration lockTimeout;

        DatabaseDraft(String alias) {
            this.alias = alias;
        }

        void set(ConfigKey key, String value) {
            if (key.scope() == ConfigKey.Scope.HIKARI) {
                settings.add("hikari." + key.setting());
                hikari.put(key.setting(), HikariProperties.check(key.name(), key.setting(), value));
                return;
            }
            settings.add(key.setting());
            switch (key.setting()) {
                case "url" -> url = url(key, value);
                case "username" -> username = value;
                case "password" -> password = new Secret(value);
                case "dialect" -> dialect = Values.nonBlank(key, value, "remove the key to let Hibernate detect the"
                        + " dialect, or set a dialect class such as org.hibernate.dialect.PostgreSQLDialect");
                case "replica-of" -> {
                    replicaOf = Values.name(key, value, "the alias of the primary database");
                    replicaOfKey = key;
                }
                case "read-your-writes" -> readYourWrites = Values.duration(key, value);
                case "network-timeout" -> networkTimeout = Values.duration(key, value);
                case "lock-timeout" -> lockTimeout = Values.duration(key, value);
                default -> throw new IllegalStateException("unhandled key " + key.name());
            }
        }

        private String url(ConfigKey key, String value) {
            String example = "jdbc:postgresql://localhost:5432/" + alias;
            String url = Values.nonBlank(key, value, "set it to the JDBC URL of the database '" + alias
                    + "', for example " + example);
            if (!url.startsWith("jdbc:")) {
                throw new MultiDbException("Invalid value '" + key.shown(value) + "' for '" + key.name()
                        + "': a JDBC URL starts with 'jdbc:'. Use a JDBC URL, for example " + example + ".");
            }
            return url;
        }
    }

    /** The keys of one app as they are read. */
    static final class AppDraft {
        final String name;
        String changelog;
        List<String> packages = List.of();
        ConfigKey packagesKey;
        String formerly;
        ConfigKey formerlyKey;

        AppDraft(String name) {
            this.name = name;
        }

        void set(ConfigKey key, String value) {
            switch (key.setting()) {
                case "changelog" -> changelog = Values.nonBlank(key, value, "set it to the app's Liquibase"
                        + " changelog, for example db/changelog/" + name + ".xml, or remove the key");
                case "packages" -> {
                    packages = Values.packages(key, value);
                    packagesKey = key;
                }
                case "formerly" -> {
                    formerly = Values.name(key, value, "the app's previous name");
                    formerlyKey = key;
                }
                default -> throw new IllegalStateException("unhandled key " + key.name());
            }
        }
    }
}
