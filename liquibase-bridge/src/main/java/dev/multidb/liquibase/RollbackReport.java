package dev.multidb.liquibase;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Migrator#rollback(String, String, int)} did on one alias.
 *
 * @param alias      the alias
 * @param app        the app whose changesets were rolled back
 * @param rolledBack the changesets rolled back, most recent first; their history rows are gone
 * @param duration   the wall time spent
 * @param failure    why the rollback stopped, or {@code null} when it rolled back everything asked for
 *                   (or everything the app had applied, if that was less)
 */
public record RollbackReport(String alias, String app, List<ChangeSetId> rolledBack, Duration duration,
        MigrationException failure) {

    /** Requires alias, app and duration; copies the list. */
    public RollbackReport {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(duration, "duration");
        rolledBack = List.copyOf(rolledBack);
    }

    /** Whether the rollback completed. */
    public boolean succeeded() {
        return failure == null;
    }

    /**
     * Returns this report when the rollback succeeded.
     *
     * @throws MigrationException the {@link #failure()}, when there is one
     */
    public RollbackReport throwIfFailed() {
        if (failure != null) {
            throw failure;
        }
        return this;
    }
}
