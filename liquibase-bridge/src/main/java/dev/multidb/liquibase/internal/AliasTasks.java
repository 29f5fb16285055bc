package dev.multidb.liquibase.internal;

import dev.multidb.spi.ConfiguredDatabase;
import dev.multidb.spi.Texts;
import dev.multidb.liquibase.Adoption;
import dev.multidb.liquibase.ChangeSetId;
import dev.multidb.liquibase.LockHolder;
import dev.multidb.liquibase.MigrationException;
import dev.multidb.liquibase.MigrationReport;
import dev.multidb.liquibase.RollbackReport;
import dev.multidb.liquibase.SqlReport;
import dev.multidb.liquibase.StatusReport;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.RuntimeEnvironment;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryService;
import liquibase.changelog.ChangeLogIterator;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.changelog.filter.AlreadyRanChangeSetFilter;
import liquibase.changelog.filter.ChangeSetFilter;
import liquibase.changelog.filter.ChangeSetFilterResult;
import liquibase.changelog.filter.CountChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.IgnoreChangeSetFilter;
import liquibase.changelog.filter.ShouldRunChangeSetFilter;
import liquibase.changelog.visitor.RollbackVisitor;
import liquibase.changelog.visitor.UpdateVisitor;
import liquibase.database.Database;
import liquibase.exception.MigrationFailedException;
import liquibase.executor.Executor;
import liquibase.executor.ExecutorService;
import liquibase.executor.LoggingExecutor;

/**
 * The migration tasks on one alias: migrate, status, update SQL, rollback, release locks. Each task
 * opens its own connection and works inside its own Liquibase scope, so tasks on different aliases run
 * in parallel without sharing anything but Liquibase's JVM-wide registries.
 */
public final class AliasTasks {

    /** An app to run on an alias: its changelog and its former name, if any. */
    public record App(AppChangelog changelog, String formerly) {
        /** The app's name. */
        public String name() {
            return changelog.app();
        }
    }

    /**
     * What runs on one alias: the apps {@code allowMigrate} allows there, in order, and the apps it keeps
     * off.
     */
    public record Plan(ConfiguredDatabase database, List<App> allowed, List<String> notAllowed) {
        /** Copies the lists. */
        public Plan {
            Objects.requireNonNull(database, "database");
            allowed = List.copyOf(allowed);
            notAllowed = List.copyOf(notAllowed);
        }

        /** The alias. */
        public String alias() {
            return database.alias();
        }

        private List<String> allowedNames() {
            return allowed.stream().map(App::name).toList();
        }
    }

    private final Collection<String> secrets;
    private final ClassLoader loader;
    private final Consumer<String> progress;

    /**
     * @param secrets  values to scrub from every message
     * @param loader   where class path changelogs and JDBC drivers are found
     * @param progress receives one line per step (changeset run, adoption, ...)
     */
    public AliasTasks(Collection<String> secrets, ClassLoader loader, Consumer<String> progress) {
        this.secrets = secrets;
        this.loader = loader;
        this.progress = progress;
    }

    /** Runs the allowed apps' pending changesets on the alias; never throws for a failed migration. */
    public MigrationReport migrate(Plan plan) {
        long start = System.nanoTime();
        String alias = plan.alias();
        List<Adoption> adoptions = new ArrayList<>();
        List<ChangeSetId> ran = new ArrayList<>();
        MigrationException failure = null;
        if (!plan.allowed().isEmpty()) {
            progress.accept("[" + alias + "] migrating " + String.join(", ", plan.allowedNames()));
            try (AliasDatabase db = AliasDatabase.open(plan.database(), secrets)) {
                LiquibaseScope.run(null, loader, () -> {
                    runMigration(plan, db, adoptions, ran);
                    return null;
                });
            } catch (Exception e) {
                failure = failure(alias, "Migrating", e);
                progress.accept("[" + alias + "] " + failure.getMessage());
            }
        }
        return new MigrationReport(alias, plan.allowedNames(), plan.notAllowed(), adoptions, ran,
                Duration.ofNanos(System.nanoTime() - start), failure);
    }

    private void runMigration(Plan plan, AliasDatabase db, List<Adoption> adoptions, List<ChangeSetId> ran)
            throws Exception {
        Database database = db.database();
        Map<App, DatabaseChangeLog> changeLogs = parseAll(plan, database);
        // Refused before anything runs, the lock included: a refused migration leaves no trace.
        if (MixedChanges.applies(db.product())) {
            List<RanChangeSet> recorded = History.ran(db);
            List<String> mixed = new ArrayList<>();
            for (App app : plan.allowed()) {
                List<ChangeSet> pending = History.pending(changeLogs.get(app), database, recorded,
                        History.renaming(app.name(), app.formerly()));
                mixed.addAll(inApp(app, () -> MixedChanges.findMixed(app.name(), pending)));
            }
            MixedChanges.refuseIfAny(db.alias(), db.product(), mixed);
        }
        Locks.acquire(db, "migrate");
        try {
            ChangeLogHistoryService history = History.service(database);
            history.reset();
            history.init();
            for (App app : plan.allowed()) {
                if (app.formerly() != null) {
                    Adoption adoption = HistoryAdoption.adopt(db, app.name(), app.formerly());
                    if (adoption != null) {
                        adoptions.add(adoption);
                        progress.accept("[" + db.alias() + "] " + adoption);
                    }
                }
            }
            if (!adoptions.isEmpty()) {
                history.reset();
                history.init();
            }
            for (App app : plan.allowed()) {
                DatabaseChangeLog changeLog = changeLogs.get(app);
                RunListener listener = new RunListener(db.alias(), app.name(), progress);
                try {
                    inApp(app, () -> {
                        changeLog.validate(database, new Contexts(), new LabelExpression());
                        ShouldRunChangeSetFilter shouldRun = new ShouldRunChangeSetFilter(database);
                        new ChangeLogIterator(changeLog, new DbmsChangeSetFilter(database), new IgnoreChangeSetFilter())
                                .run(new UpdateVisitor(database, listener, shouldRun), environment(database));
                        return null;
                    });
                } finally {
                    ran.addAll(listener.done());
                }
            }
        } finally {
            Locks.release(db);
        }
    }

    /** Lists what {@link #migrate} would run; changes nothing on the alias. */
    public StatusReport status(Plan plan) {
        Map<String, List<ChangeSetId>> pending = new LinkedHashMap<>();
        List<Adoption> adoptions = new ArrayList<>();
        if (plan.allowed().isEmpty()) {
            return new StatusReport(plan.alias(), pending, plan.notAllowed(), adoptions);
        }
        try (AliasDatabase db = AliasDatabase.open(plan.database(), secrets)) {
            LiquibaseScope.run(null, loader, () -> {
                Database database = db.database();
                Map<App, DatabaseChangeLog> changeLogs = parseAll(plan, database);
                List<RanChangeSet> recorded = History.ran(db);
                for (App app : plan.allowed()) {
                    List<ChangeSet> changeSets = History.pending(changeLogs.get(app), database, recorded,
                            History.renaming(app.name(), app.formerly()));
                    pending.put(app.name(), History.ids(app.name(), changeSets));
                    if (app.formerly() != null) {
                        int count = HistoryAdoption.count(db, app.formerly());
                        if (count > 0) {
                            adoptions.add(new Adoption(app.name(), app.formerly(), count));
                        }
                    }
                }
                return null;
            });
        } catch (Exception e) {
            throw failure(plan.alias(), "Reading the status of", e);
        }
        return new StatusReport(plan.alias(), pending, plan.notAllowed(), adoptions);
    }

    /** The SQL {@link #migrate} would send, produced without executing any of it. */
    public SqlReport updateSql(Plan plan) {
        StringWriter out = new StringWriter();
        if (plan.allowed().isEmpty()) {
            return new SqlReport(plan.alias(), "", plan.notAllowed());
        }
        try (AliasDatabase db = AliasDatabase.open(plan.database(), secrets)) {
            LiquibaseScope.run(null, loader, () -> {
                writeSql(plan, db, out);
                return null;
            });
        } catch (Exception e) {
            throw failure(plan.alias(), "Producing the SQL for", e);
        }
        return new SqlReport(plan.alias(), out.toString(), plan.notAllowed());
    }

    private void writeSql(Plan plan, AliasDatabase db, StringWriter out) throws Exception {
        Database database = db.database();
        Map<App, DatabaseChangeLog> changeLogs = parseAll(plan, database);
        List<RanChangeSet> recorded = History.ran(db);
        ExecutorService executors = Scope.getCurrentScope().getSingleton(ExecutorService.class);
        Executor jdbc = executors.getExecutor("jdbc", database);
        LoggingExecutor logging = new LoggingExecutor(jdbc, out, database);
        executors.setExecutor("jdbc", database, logging);
        executors.setExecutor("logging", database, logging);
        try {
            for (App app : plan.allowed()) {
                List<ChangeSet> pending = History.pending(changeLogs.get(app), database, recorded,
                        History.renaming(app.name(), app.formerly()));
                if (pending.isEmpty()) {
                    continue;
                }
                out.write("-- app " + app.name() + " (" + app.changelog().location() + "): " + pending.size()
                        + " changeset" + (pending.size() == 1 ? "" : "s") + System.lineSeparator());
                if (app.formerly() != null && HistoryAdoption.count(db, app.formerly()) > 0) {
                    out.write("-- (the history of '" + app.formerly() + "' is adopted first: FILENAME '"
                            + app.formerly() + "/...' becomes '" + app.name() + "/...'; see MULTIDB_APP_HISTORY)"
                            + System.lineSeparator());
                }
                Set<String> pendingKeys = History.keys(pending);
                RunListener listener = new RunListener(db.alias(), app.name(), line -> { });
                inApp(app, () -> {
                    History.service(database).init();
                    new ChangeLogIterator(changeLogs.get(app), new DbmsChangeSetFilter(database),
                            new IgnoreChangeSetFilter(),
                            new PendingFilter(pendingKeys))
                            .run(new UpdateVisitor(database, listener), environment(database));
                    return null;
                });
            }
        } finally {
            executors.setExecutor("jdbc", database, jdbc);
            executors.clearExecutor("logging", database);
        }
    }

    /** Rolls back the last {@code count} changesets of one app on the alias. */
    public RollbackReport rollback(Plan plan, App app, int count) {
        long start = System.nanoTime();
        String alias = plan.alias();
        RunListener listener = new RunListener(alias, app.name(), progress);
        MigrationException failure = null;
        try (AliasDatabase db = AliasDatabase.open(plan.database(), secrets)) {
            LiquibaseScope.run(null, loader, () -> {
                Database database = db.database();
                DatabaseChangeLog changeLog = inApp(app, () -> app.changelog().parse(database));
                if (History.ran(db).isEmpty()) {
                    return null; // no history table: nothing to roll back, and nothing created
                }
                Locks.acquire(db, "roll back");
                try {
                    if (app.formerly() != null) {
                        Adoption adoption = HistoryAdoption.adopt(db, app.name(), app.formerly());
                        if (adoption != null) {
                            progress.accept("[" + alias + "] " + adoption);
                        }
                    }
                    ChangeLogHistoryService history = History.service(database);
                    history.reset();
                    String prefix = app.name() + "/";
                    List<RanChangeSet> ofApp = history.getRanChangeSets().stream()
                            .filter(r -> DatabaseChangeLog.normalizePath(r.getStoredChangeLog()).startsWith(prefix))
                            .toList();
                    inApp(app, () -> {
                        new ChangeLogIterator(ofApp, changeLog, new AlreadyRanChangeSetFilter(ofApp),
                                new DbmsChangeSetFilter(database), new IgnoreChangeSetFilter(),
                                new CountChangeSetFilter(count))
                                .run(new RollbackVisitor(database, listener), environment(database));
                        return null;
                    });
                } finally {
                    Locks.release(db);
                }
                return null;
            });
        } catch (Exception e) {
            failure = failure(alias, "Rolling back " + app.name() + " on", e);
            progress.accept("[" + alias + "] " + failure.getMessage());
        }
        return new RollbackReport(alias, app.name(), listener.done(), Duration.ofNanos(System.nanoTime() - start),
                failure);
    }

    /** Releases the alias's lock whoever holds it; returns who held it. Creates nothing. */
    public Optional<LockHolder> releaseLocks(ConfiguredDatabase database) {
        try (AliasDatabase db = AliasDatabase.open(database, secrets)) {
            return LiquibaseScope.run(null, loader, () -> Locks.forceRelease(db));
        } catch (Exception e) {
            throw failure(database.alias(), "Releasing the lock of", e);
        }
    }

    private Map<App, DatabaseChangeLog> parseAll(Plan plan, Database database) throws Exception {
        Map<App, DatabaseChangeLog> changeLogs = new LinkedHashMap<>();
        for (App app : plan.allowed()) {
            changeLogs.put(app, inApp(app, () -> app.changelog().parse(database)));
        }
        return changeLogs;
    }

    private <T> T inApp(App app, LiquibaseScope.Work<T> work) throws Exception {
        return LiquibaseScope.run(app.changelog().accessor(), loader, work);
    }

    private static RuntimeEnvironment environment(Database database) {
        return new RuntimeEnvironment(database, new Contexts(), new LabelExpression());
    }

    /** A task's failure as the bridge reports it: what failed, Liquibase's reason, no password. */
    private MigrationException failure(String alias, String task, Exception e) {
        if (e instanceof MigrationException migration) {
            return migration;
        }
        String reason = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MigrationException migration) {
                return migration;
            }
            if (cause instanceof MigrationFailedException && reason == null) {
                reason = cause.getMessage();
            }
        }
        if (reason == null) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            reason = root.getMessage() != null ? root.getMessage() : root.toString();
        }
        return new MigrationException(alias, Texts.redact(task + " '" + alias + "' failed: " + reason.strip(),
                secrets), e);
    }

    /** Accepts the changesets found pending (with a former app name's history counted as the app's). */
    private static final class PendingFilter implements ChangeSetFilter {
        private final Set<String> pendingKeys;

        PendingFilter(Set<String> pendingKeys) {
            this.pendingKeys = pendingKeys;
        }

        @Override
        public ChangeSetFilterResult accepts(ChangeSet changeSet) {
            boolean pending = pendingKeys.contains(History.key(DatabaseChangeLog.normalizePath(changeSet.getFilePath()),
                    changeSet.getId(), changeSet.getAuthor()));
            return new ChangeSetFilterResult(pending, pending ? "pending" : "already ran", PendingFilter.class);
        }
    }
}
