package dev.multidb.liquibase.internal;

import dev.multidb.liquibase.LockHolder;
import dev.multidb.liquibase.MigrationException;
import java.sql.SQLException;
import java.util.Optional;
import liquibase.exception.DatabaseException;
import liquibase.exception.LockException;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;

/**
 * The alias's Liquibase lock ({@code DATABASECHANGELOGLOCK}): taken once, without waiting, and released
 * by hand when a dead process left it behind.
 *
 * <p>Why not Liquibase's {@code waitForLock}: it waits five minutes and then says only that it could
 * not get the lock. A second migration of the same alias is almost always a mistake or a leftover, so
 * the bridge fails at once, naming the holder, since when, and the command that releases the lock.
 */
final class Locks {

    private Locks() {
    }

    /**
     * Takes the lock (creating the lock table if needed).
     *
     * @param task what the lock is for, for the message: {@code migrate}, {@code roll back}
     * @throws MigrationException when another process holds it
     */
    static void acquire(AliasDatabase db, String task) throws LockException {
        LockService locks = LockServiceFactory.getInstance().getLockService(db.database());
        if (locks.acquireLock()) {
            return;
        }
        LockHolder holder = holder(locks).orElse(new LockHolder(null, null));
        String alias = db.alias();
        throw new MigrationException(alias, "Cannot " + task + " '" + alias + "': its Liquibase lock is held by "
                + holder + ". If that process is still migrating, wait for it to finish; if it is gone, release the"
                + " lock with: multidb release-locks --database " + alias + " (or Migrator.releaseLocks(\"" + alias
                + "\")).", null);
    }

    /** Releases a lock taken by {@link #acquire}; failures are left to the task's own outcome. */
    static void release(AliasDatabase db) {
        try {
            LockServiceFactory.getInstance().getLockService(db.database()).releaseLock();
        } catch (LockException | RuntimeException ignored) {
            // a lock that could not be released shows up, with its holder, at the next migration
        }
    }

    /** Who holds the lock, if anyone; never creates the lock table. */
    static Optional<LockHolder> current(AliasDatabase db) throws LockException, SQLException {
        if (!History.tableExists(db.connection(), db.database().getDatabaseChangeLogLockTableName())) {
            return Optional.empty();
        }
        return holder(LockServiceFactory.getInstance().getLockService(db.database()));
    }

    /** Releases the lock whoever holds it; returns who held it. Never creates the lock table. */
    static Optional<LockHolder> forceRelease(AliasDatabase db) throws LockException, SQLException, DatabaseException {
        Optional<LockHolder> holder = current(db);
        if (holder.isPresent()) {
            LockServiceFactory.getInstance().getLockService(db.database()).forceReleaseLock();
        }
        return holder;
    }

    private static Optional<LockHolder> holder(LockService locks) throws LockException {
        DatabaseChangeLogLock[] held = locks.listLocks();
        if (held == null || held.length == 0) {
            return Optional.empty();
        }
        DatabaseChangeLogLock lock = held[0];
        return Optional.of(new LockHolder(lock.getLockedBy(),
                lock.getLockGranted() == null ? null : lock.getLockGranted().toInstant()));
    }
}
