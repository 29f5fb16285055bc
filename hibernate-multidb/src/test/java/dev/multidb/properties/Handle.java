package dev.multidb.properties;

import dev.multidb.properties.Placement.Kind;
import dev.multidb.properties.model.Invoice;
import dev.multidb.properties.model.Record;

/**
 * The model's view of one entity instance the run holds: the alias the API says it is stuck to, the
 * alias whose session manages it (or {@code null} once detached or removed), and whether a change of it
 * waits for a flush.
 */
final class Handle {

    final Record entity;
    final Kind kind;
    final long id;
    /** The alias it is stuck to (README "How each operation is routed"): loaded from or written to it. */
    String stuck;
    /** The alias of the child session managing it, or {@code null}. */
    String managedBy;
    /**
     * The alias whose session let it go (removed, moved or detached) in the current transaction: its lazy
     * references may still load through that session.
     */
    String released;
    /** Changed while managed: written at flush to its write alias. */
    boolean dirty;
    /** Persisted in the current transaction and never committed: forgotten at rollback. */
    boolean newInTransaction;
    /** Persisted and not flushed since. */
    boolean unflushed;
    /** Given a new state by a merge (or by a changed instance moved onto it), not flushed since. */
    boolean merged;
    /** The result of a merge with {@code using(alias)}, not flushed since. */
    boolean mergedWithUsing;

    Handle(Record entity, Kind kind, String alias) {
        this.entity = entity;
        this.kind = kind;
        this.id = entity.getId();
        this.stuck = alias;
        this.managedBy = alias;
    }

    /** Where a change of this instance is written: the write router's answer for its state. */
    String writeAlias() {
        return Placement.write(kind, id, stuck);
    }

    Long customerId() {
        if (entity instanceof Invoice invoice) {
            return invoice.getCustomer() == null ? null : invoice.getCustomer().getId();
        }
        return null;
    }

    /** The row this instance is written as. */
    Rows.Row row() {
        return new Rows.Row(entity.getLabel(), customerId());
    }

    String name() {
        return Rows.key(kind, id);
    }

    @Override
    public String toString() {
        return name() + "(" + (managedBy != null ? "managed on " + managedBy : "detached")
                + ", stuck to " + stuck + (dirty ? ", changed" : "") + ")";
    }
}
