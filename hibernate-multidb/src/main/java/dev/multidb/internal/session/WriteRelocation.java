package dev.multidb.internal.session;

import dev.multidb.internal.stickiness.StickyAliases;
import org.hibernate.Hibernate;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.Status;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves changed instances to the alias their write router names before a flush.
 *
 * <p>An instance loaded from {@code a} whose properties changed is a write; Django asks
 * {@code db_for_write} on every {@code save()}, and so does this: when the answer is {@code b}, the
 * instance is detached from {@code a}'s child (nothing is written to {@code a}), its state is copied
 * onto {@code b} with the same id, and it is stuck to {@code b} afterwards. An instance read from a
 * replica goes to the replica's primary the same way. Unchanged instances are not asked about, so a
 * flush without changes costs the routers nothing.
 */
final class WriteRelocation {

    private WriteRelocation() {
    }

    /** @param pending persisted on {@code from} and not inserted there yet */
    private record Move(String from, String to, Object entity, EntityEntry entry, boolean pending) {
    }

    /** Moves the changed instances of every open child whose write alias is elsewhere. */
    static void apply(ChildSessions children, MultiDbRuntime runtime) {
        apply(children, runtime, children.aliases());
    }

    /** The same for the children of {@code aliases} only (those not open are skipped). */
    static void apply(ChildSessions children, MultiDbRuntime runtime, List<String> aliases) {
        apply(children, runtime, aliases, null);
    }

    /** The same, leaving {@code kept} where it is (an instance whose state is written where it is managed). */
    static void apply(ChildSessions children, MultiDbRuntime runtime, List<String> aliases, Object kept) {
        List<Move> moves = new ArrayList<>();
        for (String alias : aliases) {
            if (children.peek(alias) == null) {
                continue;
            }
            SessionImplementor session = children.peek(alias).unwrap(SessionImplementor.class);
            for (Map.Entry<Object, EntityEntry> managed
                    : session.getPersistenceContextInternal().reentrantSafeEntityEntries()) {
                Object entity = managed.getKey();
                EntityEntry entry = managed.getValue();
                if (entity != kept && isChanged(session, entity, entry)) {
                    String target = runtime.writeAlias(Hibernate.getClass(entity), entity, "flush the changes of");
                    if (!target.equals(alias)) {
                        moves.add(new Move(alias, target, entity, entry, !entry.isExistsInDatabase()));
                    }
                }
            }
        }
        // Detached first, so that the flush inserting the pending ones does not write their changes there.
        for (Move move : moves) {
            if (!move.pending()) {
                children.peek(move.from()).detach(move.entity());
            }
        }
        insertPending(children, moves);
        for (Move move : moves) {
            if (move.pending()) {
                children.peek(move.from()).detach(move.entity());
            }
            CrossDatabaseCopies.mergeCopy(children, move.to(), move.entity());
            StickyAliases.stick(move.entity(), move.to());
        }
    }

    /**
     * Flushes {@code alias} with {@code entity}, persisted there and not inserted yet, inserted as it was
     * persisted: its changes since are not written. The other changed instances managed there whose write
     * alias is another are moved first, as before any flush.
     */
    static void flushAsPersisted(ChildSessions children, MultiDbRuntime runtime, String alias, Object entity) {
        SessionImplementor session = children.peek(alias).unwrap(SessionImplementor.class);
        EntityEntry entry = session.getPersistenceContextInternal().getEntry(entity);
        EntityPersister persister = entry.getPersister();
        Object[] current = persister.getValues(entity);
        // Set back before anything flushes the alias (moving others may).
        persister.setValues(entity, entry.getLoadedState().clone());
        try {
            if (runtime.relocatesWrites()) {
                apply(children, runtime, List.of(alias), entity);
            }
            session.flush();
        } finally {
            persister.setValues(entity, current);
        }
    }

    /**
     * An instance persisted on an alias and changed since is first inserted there as it was persisted
     * (Django's {@code save(using=...)} wrote that state); only the change goes where the routers say.
     * Its state is set back for the flush of its alias, then restored.
     */
    private static void insertPending(ChildSessions children, List<Move> moves) {
        Map<String, List<Move>> pendingByAlias = new java.util.LinkedHashMap<>();
        for (Move move : moves) {
            if (move.pending()) {
                pendingByAlias.computeIfAbsent(move.from(), alias -> new ArrayList<>()).add(move);
            }
        }
        pendingByAlias.forEach((alias, pending) -> {
            List<Object[]> current = new ArrayList<>();
            for (Move move : pending) {
                EntityPersister persister = move.entry().getPersister();
                current.add(persister.getValues(move.entity()));
                persister.setValues(move.entity(), move.entry().getLoadedState().clone());
            }
            try {
                children.peek(alias).flush();
            } finally {
                for (int i = 0; i < pending.size(); i++) {
                    pending.get(i).entry().getPersister().setValues(pending.get(i).entity(), current.get(i));
                }
            }
        });
    }

    /**
     * A change to move: an instance whose state differs from what was loaded or persisted.
     */
    private static boolean isChanged(SessionImplementor session, Object entity, EntityEntry entry) {
        if (entry.getStatus() != Status.MANAGED || entry.getLoadedState() == null) {
            return false;
        }
        EntityPersister persister = entry.getPersister();
        return persister.findDirty(persister.getValues(entity), entry.getLoadedState(), entity, session) != null;
    }
}
