package dev.multidb.liquibase;

import dev.multidb.MultiDbException;
import dev.multidb.UnknownDatabaseException;
import dev.multidb.spi.ConfiguredApp;
import dev.multidb.spi.ConfiguredDatabase;
import dev.multidb.spi.Texts;
import dev.multidb.spi.UnitConfiguration;
import dev.multidb.liquibase.internal.AliasTasks;
import dev.multidb.liquibase.internal.AppChangelog;
import dev.multidb.liquibase.internal.TaskThreads;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs each app's Liquibase changelog on the database aliases its routers allow, Django's
 * {@code migrate --database} for hibernate-multidb.
 *
 * <p>A migrator reads the same {@code multidb.*} keys as the entity manager factory (from a persistence
 * unit or a map) and asks the same routers: app {@code A} runs on alias {@code X} only when
 * {@link dev.multidb.DatabaseRouter#allowMigrate allowMigrate(X, A, hints)} allows it (no opinion means
 * yes). Unlike Django:
 * <ul>
 *   <li>an app that is not allowed on {@code X} leaves no trace there: no history row, and no history
 *       table when no app at all is allowed on {@code X} (the alias is not even connected to);</li>
 *   <li>replicas ({@code replica-of}) are never migrated;</li>
 *   <li>a changeset is identified as {@code <app>/<path inside the app's changelog directory>}
 *       ({@link ChangeSetId}), so moving the directory to another module, class path root or the file
 *       system runs nothing again;</li>
 *   <li>{@code multidb.apps.<app>.formerly=<old>} adopts, on each alias, the history recorded under the
 *       old name ({@link Adoption});</li>
 *   <li>{@link #migrateAll()} migrates every alias in parallel and reports each one.</li>
 * </ul>
 *
 * <p>Apps run on an alias in the order of their names. Each task connects to the alias with its own
 * JDBC connection ({@code url}, {@code username}, {@code password} of the alias; pool settings do not
 * apply), takes the alias's Liquibase lock without waiting (a held lock fails at once, naming its
 * holder), and closes the connection at the end. No Hibernate session factory is started.
 *
 * <p>On databases whose schema changes are not transactional (MariaDB, MySQL, Oracle, H2), a pending
 * changeset that mixes schema and data changes is refused before anything runs, unless it carries the
 * label {@code multidb:accept-mixed}. On PostgreSQL each changeset runs in one transaction with its
 * history row, schema changes included.
 *
 * <p>Each task runs on a thread of its own with a Liquibase scope of its own: the caller's Liquibase
 * scope (if it uses Liquibase itself) is neither read nor changed.
 *
 * <p>A migrator is immutable and thread-safe. Configuration mistakes throw {@link MultiDbException}
 * (or {@link UnknownDatabaseException}) at once; failures on a database are reported in the returned
 * report, or thrown as {@link MigrationException} by the read-only tasks.
 */
public final class Migrator {

    private static final int MAX_PARALLEL_ALIASES = 16;

    private final UnitConfiguration settings;
    private final Map<String, AliasTasks.App> apps;
    private final ClassLoader loader;
    private final Consumer<String> progress;

    private Migrator(UnitConfiguration settings, Map<String, AliasTasks.App> apps, ClassLoader loader,
            Consumer<String> progress) {
        this.settings = settings;
        this.apps = apps;
        this.loader = loader;
        this.progress = progress;
    }

    /**
     * A migrator for a persistence unit declared in a {@code META-INF/persistence.xml} on the class path.
     *
     * @throws MultiDbException when no such unit exists or its {@code multidb.*} keys are wrong
     */
    public static Migrator forUnit(String unitName) {
        return forUnit(unitName, Map.of());
    }

    /**
     * A migrator for a persistence unit, with properties that override the unit's (as the map given to
     * {@code Persistence.createEntityManagerFactory(name, map)} does; router instances are accepted).
     *
     * @throws MultiDbException when no such unit exists or its {@code multidb.*} keys are wrong
     */
    public static Migrator forUnit(String unitName, Map<String, ?> overrides) {
        Objects.requireNonNull(unitName, "unitName");
        Map<String, ?> given = overrides == null ? Map.of() : overrides;
        Optional<Map<String, Object>> properties = UnitConfiguration.unitProperties(unitName, given);
        if (properties.isEmpty()) {
            throw new MultiDbException("No persistence unit named '" + unitName + "' in any META-INF/persistence.xml"
                    + " on the class path. Check the unit's name, or give the multidb.* keys directly"
                    + " (Migrator.fromProperties, or --config FILE on the command line).");
        }
        return fromProperties(properties.get());
    }

    /**
     * A migrator for the {@code multidb.*} keys of a map (other keys are ignored), as documented for the
     * persistence unit: aliases, routers (class names or instances) and {@code multidb.apps.*}.
     *
     * @throws MultiDbException when a key is wrong, an app's changelog cannot be found, or an app's
     *         {@code formerly} names another configured app
     */
    public static Migrator fromProperties(Map<String, ?> multidbProperties) {
        Objects.requireNonNull(multidbProperties, "multidbProperties");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Migrator.class.getClassLoader();
        }
        UnitConfiguration settings = UnitConfiguration.parse(multidbProperties, loader);
        checkNames(settings.apps());
        Map<String, AliasTasks.App> apps = new TreeMap<>();
        for (ConfiguredApp app : settings.apps().values()) {
            if (app.changelog() != null) {
                apps.put(app.name(), new AliasTasks.App(AppChangelog.locate(app, loader), app.formerly()));
            }
        }
        return new Migrator(settings, Collections.unmodifiableMap(apps), loader, line -> { });
    }

    /** An app's former name is a name it claims: no other configured app may still carry it. */
    private static void checkNames(Map<String, ConfiguredApp> apps) {
        for (ConfiguredApp app : apps.values()) {
            if (app.formerly() != null && apps.containsKey(app.formerly())) {
                throw new MultiDbException("The apps '" + app.formerly() + "' and '" + app.name() + "' both declare"
                        + " the name '" + app.formerly() + "': 'multidb.apps." + app.name() + ".formerly="
                        + app.formerly() + "' adopts the migration history of '" + app.formerly() + "', which is"
                        + " still a configured app. Their histories could not be told apart. Rename the other"
                        + " app as well, or remove 'multidb.apps." + app.name() + ".formerly'.");
            }
        }
    }

    /**
     * A copy of this migrator that sends a line to {@code listener} for each step (changeset run,
     * adoption, failure), prefixed with {@code [alias]}. Called from the threads migrating the aliases.
     * By default progress goes nowhere.
     */
    public Migrator withProgress(Consumer<String> listener) {
        return new Migrator(settings, apps, loader, Objects.requireNonNull(listener, "listener"));
    }

    /** The aliases that can be migrated: every configured alias except replicas, sorted. */
    public List<String> aliases() {
        return settings.aliases().stream().filter(alias -> !settings.database(alias).isReplica()).toList();
    }

    /** The apps with a changelog, sorted by name. */
    public Set<String> apps() {
        return apps.keySet();
    }

    /**
     * Migrates one alias: runs the pending changesets of every app allowed there, after adopting the
     * history of renamed apps. A failure is reported, not thrown: see {@link MigrationReport#failure()}.
     *
     * @throws UnknownDatabaseException when the alias is not configured
     * @throws MultiDbException when the alias is a replica
     */
    public MigrationReport migrate(String alias) {
        AliasTasks.Plan plan = plan(alias);
        return TaskThreads.call("multidb-migrate", () -> tasks().migrate(plan));
    }

    /**
     * Migrates every alias except replicas, in parallel (one thread per alias, at most 16 at once).
     * A failing alias does not stop the others.
     *
     * @return one report per alias, in alias order
     */
    public Map<String, MigrationReport> migrateAll() {
        List<AliasTasks.Plan> plans = aliases().stream().map(this::plan).toList();
        Map<String, MigrationReport> reports = new LinkedHashMap<>();
        if (plans.isEmpty()) {
            return reports;
        }
        AliasTasks tasks = tasks();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(plans.size(), MAX_PARALLEL_ALIASES),
                TaskThreads.factory("multidb-migrate"));
        try {
            List<Future<MigrationReport>> futures = new ArrayList<>();
            for (AliasTasks.Plan plan : plans) {
                futures.add(pool.submit(() -> tasks.migrate(plan)));
            }
            for (int i = 0; i < plans.size(); i++) {
                reports.put(plans.get(i).alias(), await(futures.get(i), plans.get(i).alias()));
            }
        } finally {
            pool.shutdownNow();
        }
        return Collections.unmodifiableMap(reports);
    }

    /**
     * What {@link #migrate(String)} would do on the alias, found without changing anything there.
     *
     * @throws UnknownDatabaseException when the alias is not configured
     * @throws MultiDbException when the alias is a replica
     * @throws MigrationException when the database cannot be read
     */
    public StatusReport status(String alias) {
        AliasTasks.Plan plan = plan(alias);
        return TaskThreads.call("multidb-status", () -> tasks().status(plan));
    }

    /**
     * The SQL {@link #migrate(String)} would send to the alias; nothing is executed.
     *
     * @throws UnknownDatabaseException when the alias is not configured
     * @throws MultiDbException when the alias is a replica
     * @throws MigrationException when the database cannot be read
     */
    public SqlReport updateSql(String alias) {
        AliasTasks.Plan plan = plan(alias);
        return TaskThreads.call("multidb-sql", () -> tasks().updateSql(plan));
    }

    /**
     * Rolls back the last {@code count} changesets of one app on one alias (by the order they ran), with
     * the rollback each changeset declares or Liquibase derives. A failure is reported, not thrown.
     *
     * @param count at least 1; more than the app has applied rolls back all of them
     * @throws UnknownDatabaseException when the alias is not configured
     * @throws MultiDbException when the alias is a replica, the app is unknown or has no changelog, the
     *         app is not allowed on the alias, or {@code count} is below 1
     */
    public RollbackReport rollback(String alias, String app, int count) {
        AliasTasks.Plan plan = plan(alias);
        AliasTasks.App target = apps.get(app);
        if (target == null) {
            String suggestion = Texts.closest(app, apps.keySet()).map(s -> " Did you mean '" + s + "'?").orElse("");
            throw new MultiDbException("The app '" + app + "' has no changelog (multidb.apps." + app + ".changelog)."
                    + suggestion + " Apps with a changelog: " + String.join(", ", apps.keySet()) + ".");
        }
        if (plan.notAllowed().contains(app)) {
            throw new MultiDbException("The app '" + app + "' is not allowed on '" + alias + "' (allowMigrate): it has"
                    + " nothing to roll back there.");
        }
        if (count < 1) {
            throw new MultiDbException("Invalid rollback count " + count + ": give the number of changesets to roll"
                    + " back, 1 or more.");
        }
        return TaskThreads.call("multidb-rollback", () -> tasks().rollback(plan, target, count));
    }

    /**
     * Releases the alias's Liquibase lock, whoever holds it: for a lock left behind by a process that
     * died. Creates nothing when the alias has no lock table.
     *
     * @return who held the lock, or empty when it was free
     * @throws UnknownDatabaseException when the alias is not configured
     * @throws MigrationException when the database cannot be reached
     */
    public Optional<LockHolder> releaseLocks(String alias) {
        ConfiguredDatabase database = settings.database(alias);
        return TaskThreads.call("multidb-release-locks", () -> tasks().releaseLocks(database));
    }

    /** The aliases, routers and apps; never a password. */
    @Override
    public String toString() {
        return "Migrator[" + settings + ", changelogs=" + apps.values().stream()
                .map(app -> app.name() + "=" + app.changelog().location()).collect(Collectors.joining(", ")) + "]";
    }

    private AliasTasks tasks() {
        return new AliasTasks(settings.secrets(), loader, progress);
    }

    private AliasTasks.Plan plan(String alias) {
        ConfiguredDatabase database = settings.database(Objects.requireNonNull(alias, "alias"));
        if (database.isReplica()) {
            throw new MultiDbException("'" + alias + "' is a read replica of '" + database.replicaOf()
                    + "' (multidb.databases." + alias + ".replica-of): replicas are never migrated. Migrate '"
                    + database.replicaOf() + "'; the replica follows it.");
        }
        List<AliasTasks.App> allowed = new ArrayList<>();
        List<String> notAllowed = new ArrayList<>();
        for (AliasTasks.App app : apps.values()) {
            if (settings.allowMigrate(alias, app.name())) {
                allowed.add(app);
            } else {
                notAllowed.add(app.name());
            }
        }
        return new AliasTasks.Plan(database, allowed, notAllowed);
    }

    private static MigrationReport await(Future<MigrationReport> future, String alias) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException(alias, "Interrupted while migrating '" + alias + "'.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new MigrationException(alias, "Migrating '" + alias + "' failed: " + cause, cause);
        }
    }
}
