package dev.multidb.properties;

import dev.multidb.properties.Placement.Kind;
import dev.multidb.properties.model.Invoice;
import org.hibernate.proxy.HibernateProxy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The oracle's knowledge of one run, kept from the README's routing and relation rules and never from the library's code: the
 * instances the run holds ({@link Handle}: where each is stuck, which session manages it, whether it is
 * changed), the rows every alias holds ({@link Rows}), and the aliases with writes waiting for the flush.
 * {@link RoutingRun} asks it where a step's statements may go and tells it what each step did.
 */
final class Model {

    final Rows rows = new Rows();
    private final List<Handle> handles = new ArrayList<>();
    private final Map<Object, Handle> byEntity = new IdentityHashMap<>();
    /** Aliases with writes waiting for the next flush. */
    private final Set<String> pending = new TreeSet<>();
    /** "alias/Kind#id" removed in this transaction: not reused until it ends. */
    private final Set<String> removed = new HashSet<>();
    /** Instances persisted and removed since the last flush: Hibernate inserts, then deletes them at the flush. */
    private final List<Handle> removedBeforeFlush = new ArrayList<>();
    private final Set<KnownBug> avoided;

    Model(Set<KnownBug> avoided) {
        this.avoided = avoided;
    }

    // ---- instances --------------------------------------------------------------------------------

    /** The {@code pick}-th eligible instance, counted from the most recent (so shrinking keeps the choice). */
    Handle pick(int pick, Predicate<Handle> eligible) {
        List<Handle> candidates = handles.stream().filter(eligible).toList();
        return candidates.isEmpty() ? null : candidates.get(candidates.size() - 1 - pick % candidates.size());
    }

    Handle handleOf(Object entity) {
        return byEntity.get(entity);
    }

    boolean anyHandle(Predicate<Handle> condition) {
        return handles.stream().anyMatch(condition);
    }

    void adopt(Handle handle) {
        handles.add(handle);
        byEntity.put(handle.entity, handle);
    }

    /** Drops an instance whose stickiness the API leaves open (its insert never happened). */
    void forget(Handle handle) {
        handles.remove(handle);
        byEntity.remove(handle.entity);
    }

    void pending(String alias) {
        pending.add(alias);
    }

    /** Its session lets it go (removed, moved, detached): no longer managed, its change not written. */
    static void release(Handle handle) {
        handle.released = handle.managedBy;
        handle.managedBy = null;
        handle.dirty = false;
    }

    /** {@code handle} removed on {@code alias}, with every other instance of that row managed there. */
    void removed(Handle handle, String alias) {
        rows.remove(alias, handle.kind, handle.id);
        removed.add(alias + "/" + Rows.key(handle.kind, handle.id));
        pending.add(alias);
        List<Handle> gone = new ArrayList<>();
        for (Handle other : handles) {
            if (other == handle || alias.equals(other.managedBy) && other.kind == handle.kind && other.id == handle.id) {
                release(other);
                if (other.unflushed) {
                    // Its insert has not happened: whether it is stuck anywhere is not for the oracle to say.
                    gone.add(other);
                    removedBeforeFlush.add(other);
                }
            }
        }
        gone.forEach(this::forget);
    }

    boolean isRemoved(String alias, Kind kind, long id) {
        return removed.contains(alias + "/" + Rows.key(kind, id));
    }

    /** Whether a changed instance managed elsewhere will be moved to {@code alias} as row {@code kind#id}. */
    boolean isRelocationTarget(String alias, Kind kind, long id) {
        return anyHandle(h -> h.managedBy != null && h.dirty && h.kind == kind && h.id == id
                && !h.managedBy.equals(h.writeAlias()) && h.writeAlias().equals(alias));
    }

    boolean isChangedOn(String alias, Kind kind, long id) {
        return anyHandle(h -> alias.equals(h.managedBy) && h.dirty && h.kind == kind && h.id == id);
    }

    /** The smallest id (of {@code parity}, unless -1) free on {@code alias}: no row, no removal, no move there. */
    long freeId(String alias, Kind kind, int parity) {
        long id = parity == 0 ? 2 : 1;
        long stride = parity == -1 ? 1 : 2;
        while (rows.exists(alias, kind, id) || isRemoved(alias, kind, id) || isRelocationTarget(alias, kind, id)) {
            id += stride;
        }
        return id;
    }

    // ---- the oracle's rules for flushes and queries -----------------------------------------------

    /**
     * The aliases a flush may send statements to: those with pending writes, each changed instance's write
     * alias, and the alias of each invoice referring to a customer its session does not manage (Hibernate
     * checks there with a select that the customer's row exists).
     */
    Set<String> flushAliases() {
        Set<String> aliases = new TreeSet<>(pending);
        for (Handle handle : handles) {
            if (handle.managedBy != null && handle.dirty) {
                aliases.add(handle.writeAlias());
            }
            if (handle.managedBy != null && handle.kind == Kind.INVOICE) {
                Handle customer = byEntity.get(((Invoice) handle.entity).getCustomer());
                if (customer != null && !handle.managedBy.equals(customer.managedBy)) {
                    aliases.add(handle.managedBy);
                }
            }
        }
        return aliases;
    }

    /**
     * {@code alias} alone was flushed, {@code kept} (about to be removed elsewhere) written as persisted: the
     * changes of its other instances are written there; those moved elsewhere were relocated before.
     */
    void flushedAlias(String alias, Handle kept) {
        for (Handle handle : handles) {
            if (alias.equals(handle.managedBy)) {
                if (handle != kept && handle.dirty && handle.writeAlias().equals(alias)) {
                    rows.put(alias, handle.kind, handle.id, handle.row());
                    handle.dirty = false;
                }
                handle.unflushed = false;
                handle.merged = false;
                handle.mergedWithUsing = false;
            }
        }
        removedBeforeFlush.removeIf(handle -> alias.equals(handle.released));
    }

    /** A flush happened: changes written where their write router says, moving instances managed elsewhere. */
    void flushed() {
        for (Handle handle : new ArrayList<>(handles)) {
            if (handle.managedBy != null && handle.dirty) {
                if (handle.writeAlias().equals(handle.managedBy)) {
                    rows.put(handle.managedBy, handle.kind, handle.id, handle.row());
                    handle.dirty = false;
                } else {
                    relocate(handle);
                }
            }
            handle.unflushed = false;
            handle.merged = false;
            handle.mergedWithUsing = false;
        }
        removedBeforeFlush.clear();
        pending.clear();
    }

    /** The changed instances managed on {@code alias} whose write alias is another: moved before a query there. */
    List<Handle> changedAndManagedElsewhere(String alias) {
        return handles.stream().filter(h -> alias.equals(h.managedBy) && h.dirty && !h.writeAlias().equals(alias))
                .toList();
    }

    /**
     * A changed instance written where its write router says: copied there with its id, detached, stuck there.
     * An instance of that row already managed there receives the copied state, to be written at the flush.
     */
    void relocate(Handle handle) {
        String target = handle.writeAlias();
        rows.put(target, handle.kind, handle.id, handle.row());
        pending.add(target);
        release(handle);
        handle.stuck = target;
        for (Handle other : handles) {
            if (target.equals(other.managedBy) && other.kind == handle.kind && other.id == handle.id) {
                other.merged = true;
            }
        }
    }

    /**
     * The new or changed invoices of one of {@code aliases} whose customer is a detached instance stuck to
     * another alias: the relation guard refuses to write them (README "Relations across databases"). A persisted and removed invoice
     * counts: Hibernate inserts it before deleting it.
     */
    boolean refusesRelations(Set<String> aliases) {
        List<Handle> written = new ArrayList<>(handles);
        written.addAll(removedBeforeFlush);
        for (Handle handle : written) {
            String alias = handle.managedBy != null ? handle.managedBy : handle.released;
            boolean writes = handle.managedBy != null && (handle.unflushed || handle.dirty)
                    || removedBeforeFlush.contains(handle);
            if (handle.kind == Kind.INVOICE && writes && aliases.contains(alias)) {
                Handle customer = byEntity.get(((Invoice) handle.entity).getCustomer());
                if (customer != null && !alias.equals(customer.managedBy) && customer.stuck != null
                        && !customer.stuck.equals(alias)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The transaction ended; every instance is detached. After a rollback the rows are the committed ones,
     * and instances first stored in it are forgotten (whether they stay stuck is not the API's to say).
     */
    void transactionEnded(boolean committed) {
        if (committed) {
            rows.commit();
        } else {
            rows.rollback();
            handles.removeIf(h -> h.newInTransaction);
            byEntity.values().removeIf(h -> h.newInTransaction);
        }
        for (Handle handle : handles) {
            handle.managedBy = null;
            handle.released = null;
            handle.dirty = false;
            handle.newInTransaction = false;
            handle.unflushed = false;
            handle.merged = false;
            handle.mergedWithUsing = false;
        }
        pending.clear();
        removed.clear();
        removedBeforeFlush.clear();
    }

    // ---- known bugs a run may steer around --------------------------------------------------------

    boolean avoids(KnownBug bug) {
        return avoided.contains(bug);
    }

    /** Whether changing the managed {@code handle} now would run into a known bug the run avoids. */
    boolean steersAround(Handle handle) {
        boolean moved = !handle.writeAlias().equals(handle.managedBy);
        return avoids(KnownBug.PENDING_INSERT_MOVED) && handle.unflushed && moved
                || avoids(KnownBug.USING_MERGE_MOVED) && handle.mergedWithUsing && moved
                || avoids(KnownBug.NOT_STUCK_UNTIL_FLUSH) && routedAsIfNotStuck(handle)
                || avoidsCopying(handle) && moved;
    }

    /** Whether copying {@code handle} to another alias would run into a known bug the run avoids. */
    boolean avoidsCopying(Handle handle) {
        return avoids(KnownBug.PROXY_COPY_FAILS) && handle.entity instanceof HibernateProxy;
    }

    /** A new instance not flushed yet whose write router would answer otherwise if it knew where it is stuck. */
    static boolean routedAsIfNotStuck(Handle handle) {
        return handle.unflushed && !handle.writeAlias().equals(Placement.write(handle.kind, handle.id, null));
    }

    @Override
    public String toString() {
        return handles.toString();
    }
}
