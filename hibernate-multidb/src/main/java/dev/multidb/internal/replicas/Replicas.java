package dev.multidb.internal.replicas;

import dev.multidb.ReadOnlyDatabaseException;
import dev.multidb.internal.config.DatabaseSettings;
import dev.multidb.internal.config.MultiDbSettings;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routing among primaries and their replicas, shared by every entity manager of a factory.
 *
 * <p>Reads of a primary go to one of its healthy replicas, round robin, unless this thread is inside
 * {@code MultiDb.onPrimary(...)}, the current transaction wrote to the primary, or a write to the
 * primary committed less than its read-your-writes window ago ({@code read-your-writes}, default 2 s):
 * the window is factory-wide, so every entity manager of the factory (in this JVM) reads its own and
 * the others' recent writes. A replica whose connection fails is left out for {@value #BACKOFF_MILLIS}
 * ms, then tried again.
 */
public final class Replicas {

    /** How long a failed replica stays out of rotation. */
    public static final long BACKOFF_MILLIS = 5_000;

    private final Map<String, ReplicaSet> byPrimary = new HashMap<>();
    private final Map<String, ReplicaSet> byReplica = new HashMap<>();

    public Replicas(MultiDbSettings settings) {
        for (DatabaseSettings database : settings.databases()) {
            List<String> replicas = settings.replicasOf(database.alias());
            if (!replicas.isEmpty()) {
                ReplicaSet set = new ReplicaSet(database.alias(), replicas, database.readYourWrites().toNanos());
                byPrimary.put(database.alias(), set);
                replicas.forEach(replica -> byReplica.put(replica, set));
            }
        }
    }

    public boolean any() {
        return !byPrimary.isEmpty();
    }

    public boolean hasReplicas(String alias) {
        return !byPrimary.isEmpty() && byPrimary.containsKey(alias);
    }

    public boolean isReplica(String alias) {
        return !byReplica.isEmpty() && byReplica.containsKey(alias);
    }

    /** The primary of a replica; the alias itself otherwise. */
    public String primaryOf(String alias) {
        ReplicaSet set = byReplica.get(alias);
        return set == null ? alias : set.primary;
    }

    /**
     * Where a read routed to {@code alias} goes.
     *
     * @param wroteInTransaction whether the current transaction wrote to {@code alias}
     */
    public String readAlias(String alias, boolean wroteInTransaction) {
        if (byPrimary.isEmpty()) {
            return alias;
        }
        ReplicaSet set = byPrimary.get(alias);
        if (set == null || wroteInTransaction || PrimaryScope.active()) {
            return alias;
        }
        long now = System.nanoTime();
        if (set.inReadYourWritesWindow(now)) {
            return alias;
        }
        String replica = set.pick(now);
        return replica != null ? replica : alias;
    }

    /** Records committed writes to these primaries: their read-your-writes windows start now. */
    public void committed(Collection<String> primaries) {
        long now = System.nanoTime();
        for (String primary : primaries) {
            ReplicaSet set = byPrimary.get(primary);
            if (set != null) {
                set.wrote(now);
            }
        }
    }

    /**
     * Takes a replica whose connection failed out of rotation for {@value #BACKOFF_MILLIS} ms; a failure that takes it out
     * of rotation is logged at WARN (not the failures of reads already on their way to it) ({@link ReplicaLog}).
     */
    public void markDown(String replica, Throwable failure) {
        ReplicaSet set = byReplica.get(replica);
        if (set != null) {
            long now = System.nanoTime();
            if (set.markDown(replica, now + BACKOFF_MILLIS * 1_000_000L, now)) {
                ReplicaLog.down(replica, set.primary, BACKOFF_MILLIS, failure);
            }
        }
    }

    public boolean isDown(String replica) {
        ReplicaSet set = byReplica.get(replica);
        return set != null && set.isDown(replica, System.nanoTime());
    }

    /** Where a failed replica's work goes instead: another healthy replica, else the primary. */
    public String fallbackFor(String replica) {
        ReplicaSet set = byReplica.get(replica);
        if (set == null) {
            return replica;
        }
        String other = set.other(replica, System.nanoTime());
        return other != null ? other : set.primary;
    }

    /** The error for a write that would reach a replica; thrown before any SQL is sent. */
    public ReadOnlyDatabaseException refuse(String replica, String operation) {
        return new ReadOnlyDatabaseException("Cannot " + operation + " on '" + replica + "': it is a read-only replica"
                + " of '" + primaryOf(replica) + "'. Send writes to '" + primaryOf(replica)
                + "' (have dbForWrite answer it, or use using(\"" + primaryOf(replica) + "\")).");
    }
}
