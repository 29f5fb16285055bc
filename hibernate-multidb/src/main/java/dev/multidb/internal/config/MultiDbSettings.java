package dev.multidb.internal.config;

import dev.multidb.DatabaseRouter;
import dev.multidb.UnknownDatabaseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the {@code multidb.*} keys of a persistence unit say, parsed and checked once.
 *
 * <p>Why one immutable object: HikariCP's habit of validating a configuration at start and then
 * sealing it. Every part of the library reads the same answers, nothing can change them after
 * bootstrap, and every configuration mistake is reported before a pool or a session factory exists.
 * The keys are listed in the README ("Configuration keys"); {@link #parse} documents what is checked.
 */
public final class MultiDbSettings {

    private final SortedMap<String, DatabaseSettings> databases;
    private final List<DatabaseRouter> routers;
    private final SortedMap<String, AppSettings> apps;
    private final Map<String, List<String>> replicas;

    MultiDbSettings(Map<String, DatabaseSettings> databases, List<DatabaseRouter> routers,
            Map<String, AppSettings> apps) {
        this.databases = Collections.unmodifiableSortedMap(new TreeMap<>(databases));
        this.routers = List.copyOf(routers);
        this.apps = Collections.unmodifiableSortedMap(new TreeMap<>(apps));
        Map<String, List<String>> byPrimary = new TreeMap<>();
        this.databases.values().stream()
                .filter(DatabaseSettings::isReplica)
                .forEach(replica -> byPrimary.computeIfAbsent(replica.replicaOf(), primary -> new ArrayList<>())
                        .add(replica.alias()));
        byPrimary.replaceAll((primary, list) -> List.copyOf(list));
        this.replicas = Collections.unmodifiableMap(byPrimary);
    }

    /**
     * Parses every key starting with {@code multidb.}; other keys are ignored. Placeholders
     * {@code ${env:NAME}} are read from {@link System#getenv(String)}.
     *
     * @see #parse(Map, ClassLoader, Function)
     */
    public static MultiDbSettings parse(Map<String, ?> properties, ClassLoader classLoader) {
        return parse(properties, classLoader, System::getenv);
    }

    /**
     * Parses every key starting with {@code multidb.}, and the standard {@code jakarta.persistence.jdbc.*} keys as
     * the configuration of alias {@code default} ({@link StandardKeys}); other keys are ignored.
     *
     * <p>Values are Strings (numbers and booleans are taken as their text; {@code read-your-writes} may
     * also be a {@link java.time.Duration}); {@code multidb.routers} may also be a {@link DatabaseRouter},
     * a {@link Class}, or a collection or array of those or of class names. In any text,
     * {@code ${env:NAME}} is replaced by the environment variable and {@code ${file:PATH}} by the file's
     * contents without trailing newlines.
     *
     * @param properties  the persistence unit's properties
     * @param classLoader where router classes are loaded from; {@code null} for the thread's context loader
     * @param environment looks up environment variables, {@code null} for an unset one
     * @throws dev.multidb.MultiDbException on any mistake, naming the key, the value (passwords masked)
     *         and the fix; {@link UnknownDatabaseException} when {@code replica-of} names an unknown alias
     */
    public static MultiDbSettings parse(Map<String, ?> properties, ClassLoader classLoader,
            Function<String, String> environment) {
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(environment, "environment");
        ClassLoader loader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
        return new SettingsParser(loader != null ? loader : MultiDbSettings.class.getClassLoader(), environment)
                .parse(StandardKeys.apply(properties));
    }

    /** The configured aliases (those with a URL, replicas included), sorted, unmodifiable. */
    public Set<String> aliases() {
        return databases.keySet();
    }

    /** Whether {@code alias} is configured. */
    public boolean contains(String alias) {
        return databases.containsKey(alias);
    }

    /**
     * The settings of one alias.
     *
     * @throws UnknownDatabaseException if the alias is not configured
     */
    public DatabaseSettings database(String alias) {
        DatabaseSettings database = databases.get(alias);
        if (database == null) {
            throw UnknownDatabaseException.of(alias, aliases());
        }
        return database;
    }

    /** The settings of every alias, sorted by alias, unmodifiable. */
    public Collection<DatabaseSettings> databases() {
        return databases.values();
    }

    /** The routers, instantiated, in configured order; empty when none is configured. */
    public List<DatabaseRouter> routers() {
        return routers;
    }

    /** The apps that have {@code multidb.apps.*} keys, by name, sorted, unmodifiable. */
    public Map<String, AppSettings> apps() {
        return apps;
    }

    /**
     * Whether the alias is a read replica of another.
     *
     * @throws UnknownDatabaseException if the alias is not configured
     */
    public boolean isReplica(String alias) {
        return database(alias).isReplica();
    }

    /**
     * The replicas of an alias, sorted; empty when it has none.
     *
     * @throws UnknownDatabaseException if the alias is not configured
     */
    public List<String> replicasOf(String alias) {
        database(alias);
        return replicas.getOrDefault(alias, List.of());
    }

    /**
     * Every secret the settings hold: passwords, passwords inside URLs, secret pool properties. Pass it
     * to {@link Redaction#redact} before rethrowing a driver's or HikariCP's message.
     */
    public Set<String> secretValues() {
        Set<String> secrets = new LinkedHashSet<>();
        databases.values().forEach(database -> secrets.addAll(database.secretValues()));
        secrets.remove("");
        return Collections.unmodifiableSet(secrets);
    }

    /** The aliases with their masked URLs, the routers and the apps; never a password. */
    @Override
    public String toString() {
        String text = "MultiDbSettings[databases={" + databases.values().stream()
                .map(d -> d.alias() + "=" + JdbcUrls.mask(d.url())
                        + (d.isReplica() ? " (replica of " + d.replicaOf() + ")" : ""))
                .collect(Collectors.joining(", "))
                + "}, routers=" + routers.stream().map(r -> r.getClass().getName()).toList()
                + ", apps=" + apps.keySet() + "]";
        return Redaction.redact(text, secretValues());
    }
}
