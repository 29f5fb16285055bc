package dev.multidb.liquibase;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Migrator#migrate(String)} did on one alias.
 *
 * <p>A failed migration does not throw: the report carries the {@link #failure()}, so that
 * {@link Migrator#migrateAll()} can report every alias. Call {@link #throwIfFailed()} to turn a failure
 * into an exception.
 *
 * @param alias          the alias migrated
 * @param appsMigrated   the apps whose changelogs were run on the alias ({@code allowMigrate} true), in
 *                       the order they ran (by name)
 * @param appsNotAllowed the apps with a changelog that {@code allowMigrate} kept off the alias; nothing
 *                       of theirs was run or recorded there
 * @param adoptions      the renamed apps that adopted their former name's history on the alias
 * @param changeSetsRun  the changesets run, in order
 * @param duration       the wall time spent on the alias
 * @param failure        why the migration failed, or {@code null} when it succeeded; changesets before
 *                       the failing one stay applied and recorded
 */
public record MigrationReport(String alias, List<String> appsMigrated, List<String> appsNotAllowed,
        List<Adoption> adoptions, List<ChangeSetId> changeSetsRun, Duration duration, MigrationException failure) {

    /** Requires the alias and the duration; copies the lists. */
    public MigrationReport {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(duration, "duration");
        appsMigrated = List.copyOf(appsMigrated);
        appsNotAllowed = List.copyOf(appsNotAllowed);
        adoptions = List.copyOf(adoptions);
        changeSetsRun = List.copyOf(changeSetsRun);
    }

    /** Whether every allowed app's changelog ran to its end. */
    public boolean succeeded() {
        return failure == null;
    }

    /** The changesets of one app that were run, in order; empty for an app that ran nothing. */
    public List<ChangeSetId> changeSetsRun(String app) {
        return changeSetsRun.stream().filter(id -> id.app().equals(app)).toList();
    }

    /**
     * Returns this report when the migration succeeded.
     *
     * @throws MigrationException the {@link #failure()}, when there is one
     */
    public MigrationReport throwIfFailed() {
        if (failure != null) {
            throw failure;
        }
        return this;
    }
}
