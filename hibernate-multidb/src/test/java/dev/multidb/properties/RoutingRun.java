package dev.multidb.properties;

import dev.multidb.CrossDatabaseRelationException;
import dev.multidb.MultiDbEntityManager;
import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.UnknownDatabaseException;
import dev.multidb.properties.Action.Via;
import dev.multidb.properties.Placement.Kind;
import dev.multidb.properties.model.Customer;
import dev.multidb.properties.model.Invoice;
import dev.multidb.properties.model.Note;
import dev.multidb.properties.model.Order;
import dev.multidb.properties.model.Record;
import dev.multidb.properties.model.Shard;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.RollbackException;
import org.hibernate.Hibernate;
import org.hibernate.LazyInitializationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs one generated sequence against the entity manager. Before each step the oracle ({@link Model})
 * names the aliases the step may send statements to; afterwards the statement listener's record must name
 * no other, and the step must throw exactly what the oracle predicts. After each commit the rows of every
 * alias, read with raw JDBC, must be the model's.
 *
 * <p><b>The oracle's rules</b>, from the README's "How each operation is routed" and "Relations across
 * databases", never from the library's code:
 * <ul>
 *   <li>{@code persist}, {@code merge}, {@code remove}: the write router's answer for the instance
 *       ({@link Placement#write}, with the alias the model says it is stuck to), or the {@code using}
 *       alias. A new instance is stuck to the alias it is persisted on (as {@code em.aliasOf} says).</li>
 *   <li>{@code find} and a JPQL select: the read router's answer for the root, or the {@code using} alias;
 *       a shard read without an instance has no alias and fails with {@link UnknownDatabaseException}
 *       before any statement. Before a query on alias X, the changed instances managed on X whose write
 *       alias is another are moved there: their write aliases are allowed too. So before a
 *       {@code using(X).merge}, which is written to X at once.</li>
 *   <li>Lazy navigation: the alias of the session holding the owner; nothing once it is closed.</li>
 *   <li>A change of a field sends nothing. {@code flush} and {@code commit}: the aliases with writes
 *       waiting, and each changed instance's write alias (where it is moved if it is managed elsewhere).
 *       A write of an invoice related to a customer stuck elsewhere fails with
 *       {@link CrossDatabaseRelationException}. {@code rollback}: nothing.</li>
 *   <li>A write with {@code using(X)} is X's, also when it waits for the flush; only a later change of the
 *       instance is the write router's.</li>
 * </ul>
 * Steps the model cannot run safely (no suitable instance, a foreign key it would break, an id removed
 * earlier in the same transaction) are skipped; skipping never widens an oracle's answer.
 */
final class RoutingRun {

    private final MultiDbEntityManagerFactory factory;
    private final Model model;
    private final StepChecks checks;
    private MultiDbEntityManager em;
    private int labels;

    /**
     * The body of the property, on whichever databases {@code factory} has: runs one generated unit of work
     * (failing on a misrouted statement or on rows that differ from the model's); returns what it did: the
     * outcome of every step, and how many statements were checked.
     */
    static List<String> check(MultiDbEntityManagerFactory factory, StatementLog log, List<Action> actions) {
        StepChecks.emptyTables(factory);
        log.clear();
        RoutingRun run = new RoutingRun(factory, log, KnownBug.avoided());
        int statements = run.run(actions);
        List<String> labels = new java.util.ArrayList<>(run.outcomes());
        labels.add("statements checked per sequence: "
                + (statements == 0 ? "0" : statements < 10 ? "1-9" : statements < 30 ? "10-29" : "30+"));
        return labels;
    }

    /** The routing property over {@code tries} generated units of work of up to 40 steps. */
    static String property(MultiDbEntityManagerFactory factory, StatementLog log, int tries) {
        return new SeededProperty<Action>("Every statement goes where the routers say",
                random -> Action.sequence(random, 40), actions -> check(factory, log, actions)).run(tries);
    }

    RoutingRun(MultiDbEntityManagerFactory factory, StatementLog log, Set<KnownBug> avoided) {
        this.factory = factory;
        this.model = new Model(avoided);
        this.checks = new StepChecks(log, model);
    }

    /**
     * Runs every step, commits what is left open and checks every alias's rows; returns how many statements
     * were checked.
     */
    int run(List<Action> actions) {
        try {
            for (Action action : actions) {
                step(action);
            }
            if (em != null) {
                step(new Action.Commit());
            }
        } finally {
            if (em != null && em.isOpen()) {
                em.close();
            }
        }
        checks.verifyRows(factory, model.rows);
        return checks.statements();
    }

    /** The kind and outcome of every step run ({@code Persist}, {@code Persist skipped}, ...). */
    List<String> outcomes() {
        return checks.outcomes();
    }

    private void step(Action action) {
        int before = checks.traceLength();
        dispatch(action);
        checks.outcome(action, before);
    }

    private void dispatch(Action action) {
        if (action instanceof Action.Persist persist) {
            persist(persist);
        } else if (action instanceof Action.CopyPersist copy) {
            copyPersist(copy);
        } else if (action instanceof Action.Find find) {
            find(find);
        } else if (action instanceof Action.Query query) {
            query(query);
        } else if (action instanceof Action.Merge merge) {
            merge(merge);
        } else if (action instanceof Action.Remove remove) {
            remove(remove);
        } else if (action instanceof Action.Change change) {
            change(change);
        } else if (action instanceof Action.NavigateToCustomer navigate) {
            navigateToCustomer(navigate);
        } else if (action instanceof Action.NavigateToInvoices navigate) {
            navigateToInvoices(navigate);
        } else if (action instanceof Action.Flush) {
            flush(false);
        } else if (em == null) {
            checks.skip(action, "no transaction");
        } else if (action instanceof Action.Commit) {
            flush(true);
        } else if (action instanceof Action.Rollback) {
            checks.execute("rollback, close", Set.of(), Expect.NOTHING, () -> {
                em.getTransaction().rollback();
                em.close();
            });
            endTransaction(false);
        } else {
            throw new IllegalArgumentException(String.valueOf(action));
        }
    }

    // ---- steps ------------------------------------------------------------------------------------

    private void persist(Action.Persist step) {
        Kind kind = step.kind();
        int parity = kind == Kind.SHARD ? step.parity() : -1;
        String alias = step.via().alias;
        long id;
        if (alias == null) {
            // A new instance is stuck to nothing: its write alias follows from its type and, for a shard, its id.
            id = model.freeId(kind == Kind.SHARD ? parity == 0 ? "a" : "b" : Placement.home(kind), kind, parity);
            alias = Placement.write(kind, id, null);
        } else {
            id = model.freeId(alias, kind, parity);
        }
        Customer customer = kind == Kind.INVOICE && alias.equals("a") ? customerFor(step.customer()) : null;
        Record entity = create(kind, id, "L" + ++labels, customer);
        Handle handle = new Handle(entity, kind, alias);
        checks.execute(step.via().prefix() + "persist(new " + handle.name() + (customer == null ? "" : " of Customer#"
                + customer.getId()) + ")", Set.of(alias), Expect.NOTHING, () -> target(step.via()).persist(entity));
        handle.newInTransaction = true;
        handle.unflushed = true;
        model.adopt(handle);
        model.rows.put(alias, kind, id, handle.row());
        model.pending(alias);
    }

    /**
     * An invoice's customer on {@code a}: one managed there, or a detached one stuck there whose row is in the
     * database (Hibernate checks with a select); or none.
     */
    private Customer customerFor(int pick) {
        if (pick == 0) {
            return null;
        }
        Handle customer = model.pick(pick - 1, h -> h.kind == Kind.CUSTOMER && ("a".equals(h.managedBy)
                || h.managedBy == null && "a".equals(h.stuck) && model.rows.exists("a", Kind.CUSTOMER, h.id)
                && !model.isRemoved("a", Kind.CUSTOMER, h.id) && !model.anyHandle(other -> other.unflushed
                && "a".equals(other.managedBy) && other.kind == Kind.CUSTOMER && other.id == h.id)));
        return customer == null ? null : (Customer) customer.entity;
    }

    private void copyPersist(Action.CopyPersist step) {
        String alias = step.via().alias;
        Handle handle = model.pick(step.pick(), h -> h.managedBy == null && h.stuck != null && !h.stuck.equals(alias)
                && (h.kind != Kind.INVOICE || h.customerId() == null) && !model.avoidsCopying(h)
                && !model.isRemoved(alias, h.kind, h.id) && !model.isRelocationTarget(alias, h.kind, h.id));
        if (handle == null) {
            checks.skip(step, "no detached instance stuck elsewhere");
            return;
        }
        boolean exists = model.rows.exists(alias, handle.kind, handle.id);
        Throwable failure = checks.execute(step.via().prefix() + "persist(detached " + handle + ")", Set.of(alias),
                exists ? Expect.must(EntityExistsException.class) : Expect.NOTHING,
                () -> em().using(alias).persist(handle.entity));
        if (failure == null) {
            model.rows.put(alias, handle.kind, handle.id, handle.row());
            handle.stuck = alias;
        }
    }

    private void find(Action.Find step) {
        Kind kind = step.kind();
        String alias = step.via().alias != null ? step.via().alias : Placement.read(kind, null, null);
        String description = step.via().prefix() + "find(" + kind.entityName() + ", " + step.id() + ")";
        if (alias == null) {
            checks.execute(description, Set.of(), Expect.must(UnknownDatabaseException.class),
                    () -> em().find(kind.type, (long) step.id()));
            return;
        }
        Object[] found = new Object[1];
        checks.execute(description, Set.of(alias), Expect.NOTHING,
                () -> found[0] = target(step.via()).find(kind.type, (long) step.id()));
        if (found[0] != null) {
            adopt((Record) found[0], alias);
        }
    }

    private void query(Action.Query step) {
        Kind kind = step.kind();
        String alias = step.via().alias != null ? step.via().alias : Placement.read(kind, null, null);
        String jpql = "select e from " + kind.entityName() + " e";
        String description = step.via().prefix() + "createQuery(\"" + jpql + "\").getResultList()";
        if (alias == null) {
            checks.execute(description, Set.of(), Expect.must(UnknownDatabaseException.class),
                    () -> em().createQuery(jpql, kind.type).getResultList());
            return;
        }
        Set<String> allowed = new TreeSet<>(Set.of(alias));
        List<Handle> moved = model.changedAndManagedElsewhere(alias);
        moved.forEach(h -> allowed.add(h.writeAlias()));
        // Hibernate flushes the alias before the query only when the query reads a table with writes waiting.
        Expect expect = model.refusesRelations(Set.of(alias)) ? Expect.may(CrossDatabaseRelationException.class)
                : Expect.NOTHING;
        List<?>[] result = new List<?>[1];
        Throwable failure = checks.execute(description, allowed, expect,
                () -> result[0] = target(step.via()).createQuery(jpql, kind.type).getResultList());
        if (failure != null) {
            abandon();
            return;
        }
        moved.forEach(model::relocate);
        if (checks.lastStepWrote(alias)) {
            model.flushedAlias(alias, null);
        }
        for (Object entity : result[0]) {
            adopt((Record) entity, alias);
        }
    }

    private void merge(Action.Merge step) {
        Handle handle = model.pick(step.pick(), h -> {
            if (h.managedBy != null || h.stuck == null) {
                return false;
            }
            String alias = writeAlias(step.via(), h);
            if (model.avoids(KnownBug.USING_MERGE_MOVED) && step.via() != Via.ROUTED
                    && !alias.equals(Placement.write(h.kind, h.id, alias))
                    || !alias.equals(h.stuck) && model.avoidsCopying(h)) {
                return false;
            }
            // A merge onto an instance managed there changes that instance.
            if (model.anyHandle(other -> alias.equals(other.managedBy) && other.kind == h.kind && other.id == h.id
                    && model.steersAround(other))) {
                return false;
            }
            Long customerId = h.customerId();
            return !model.isRemoved(alias, h.kind, h.id) && !model.isRelocationTarget(alias, h.kind, h.id)
                    && !model.isChangedOn(alias, h.kind, h.id)
                    && (customerId == null || alias.equals("a") && model.rows.exists("a", Kind.CUSTOMER, customerId));
        });
        if (handle == null) {
            checks.skip(step, "no detached instance to merge");
            return;
        }
        String alias = writeAlias(step.via(), handle);
        boolean inserted = !model.rows.exists(alias, handle.kind, handle.id);
        // A merge with using(X) is written to X at once: like a query there, it first moves the changed
        // instances managed on X whose write alias is another.
        Set<String> allowed = new TreeSet<>(Set.of(alias));
        List<Handle> moved = step.via() == Via.ROUTED ? List.of() : model.changedAndManagedElsewhere(alias);
        moved.forEach(h -> allowed.add(h.writeAlias()));
        // ... and flushes X: a row waiting there that refers to an instance stuck elsewhere is refused.
        Expect expect = step.via() != Via.ROUTED && model.refusesRelations(Set.of(alias))
                ? Expect.must(CrossDatabaseRelationException.class) : Expect.NOTHING;
        Object[] merged = new Object[1];
        Throwable failure = checks.execute(step.via().prefix() + "merge(detached " + handle + ")", allowed, expect,
                () -> merged[0] = target(step.via()).merge(handle.entity));
        if (failure != null) {
            abandon();
            return;
        }
        moved.forEach(model::relocate);
        model.rows.put(alias, handle.kind, handle.id, handle.row());
        model.pending(alias);
        adopt((Record) merged[0], alias);
        Handle copy = model.handleOf(merged[0]);
        copy.merged = true;
        copy.mergedWithUsing |= step.via() != Via.ROUTED;
        // Merging a row that is not there may wait for the flush to insert it, as a persist does.
        copy.unflushed |= inserted;
        copy.newInTransaction |= inserted;
        if (step.via() != Via.ROUTED) {
            model.flushedAlias(alias, null);
        }
    }

    /** The alias a write of {@code handle} goes to: the {@code using} alias, or the write router's answer. */
    private static String writeAlias(Via via, Handle handle) {
        return via.alias != null ? via.alias : Placement.write(handle.kind, handle.id, handle.stuck);
    }

    private void remove(Action.Remove step) {
        Handle handle = model.pick(step.pick(), h -> {
            if (h.managedBy == null) {
                return false;
            }
            String alias = writeAlias(step.via(), h);
            boolean elsewhere = !alias.equals(h.managedBy);
            // Whether removing elsewhere an instance changed or merged here should still write that state here
            // is a question the API leaves open (JPA drops the changes of a removed instance). Pinned: a
            // pending insert is written as persisted, without the fields changed since; not pinned: what a
            // merge onto it since then leaves (Hibernate's merge rewrites the pending insert itself).
            if (elsewhere && !h.unflushed && (h.dirty || h.merged) || elsewhere && h.unflushed && h.merged
                    || model.avoids(KnownBug.REMOVE_ELSEWHERE_DROPS_PENDING_INSERT) && elsewhere && h.unflushed
                    || model.avoids(KnownBug.NOT_STUCK_UNTIL_FLUSH) && step.via() == Via.ROUTED
                    && Model.routedAsIfNotStuck(h)) {
                return false;
            }
            boolean rowThere = alias.equals(h.managedBy)
                    || model.rows.exists(alias, h.kind, h.id) && !model.isRemoved(alias, h.kind, h.id);
            return rowThere && !model.isRelocationTarget(alias, h.kind, h.id)
                    && (h.kind != Kind.CUSTOMER || !model.rows.customerReferenced(alias, h.id));
        });
        if (handle == null) {
            checks.skip(step, "no managed instance to remove");
            return;
        }
        String alias = writeAlias(step.via(), handle);
        // Removed elsewhere before its insert ran: its alias is flushed first, the instance inserted as
        // persisted (its changes since are not written), after the changed instances managed there whose write
        // alias is another are moved; a row waiting there that refers to an instance stuck elsewhere is refused.
        String flushed = !alias.equals(handle.managedBy) && handle.unflushed ? handle.managedBy : null;
        Set<String> allowed = new TreeSet<>(Set.of(alias));
        List<Handle> moved = List.of();
        Expect expect = Expect.NOTHING;
        if (flushed != null) {
            allowed.add(flushed);
            moved = model.changedAndManagedElsewhere(flushed).stream().filter(h -> h != handle).toList();
            moved.forEach(h -> allowed.add(h.writeAlias()));
            if (model.refusesRelations(Set.of(flushed))) {
                expect = Expect.must(CrossDatabaseRelationException.class);
            }
        }
        Throwable failure = checks.execute(step.via().prefix() + "remove(" + handle + ")", allowed, expect,
                () -> target(step.via()).remove(handle.entity));
        if (failure != null) {
            abandon();
            return;
        }
        if (flushed != null) {
            moved.forEach(model::relocate);
            model.flushedAlias(flushed, handle);
        }
        model.removed(handle, alias);
    }

    private void change(Action.Change step) {
        // Not two changed instances of one row written to one alias: which is written last is not routing.
        Handle handle = model.pick(step.pick(), h -> h.managedBy == null
                || !model.steersAround(h) && !model.isRemoved(h.writeAlias(), h.kind, h.id)
                && !model.anyHandle(other -> other != h && other.managedBy != null && other.dirty
                && other.kind == h.kind && other.id == h.id && other.writeAlias().equals(h.writeAlias())));
        if (handle == null) {
            checks.skip(step, "no instance");
            return;
        }
        String label = "L" + ++labels;
        checks.execute("set label of " + handle + " to " + label, Set.of(), Expect.NOTHING,
                () -> handle.entity.setLabel(label));
        if (handle.managedBy != null) {
            handle.dirty = true;
        }
    }

    private void navigateToCustomer(Action.NavigateToCustomer step) {
        Handle handle = model.pick(step.pick(), h -> {
            if (h.kind != Kind.INVOICE) {
                return false;
            }
            Customer customer = ((Invoice) h.entity).getCustomer();
            String session = h.managedBy != null ? h.managedBy : h.released;
            return session == null || customer == null || Hibernate.isInitialized(customer)
                    || model.rows.exists(session, Kind.CUSTOMER, customer.getId());
        });
        if (handle == null) {
            checks.skip(step, "no invoice");
            return;
        }
        Invoice invoice = (Invoice) handle.entity;
        checks.execute(handle + ".getCustomer().getLabel()", navigationAliases(handle),
                handle.managedBy == null ? Expect.may(LazyInitializationException.class) : Expect.NOTHING, () -> {
                    Customer customer = invoice.getCustomer();
                    if (customer != null) {
                        customer.getLabel();
                    }
                });
    }

    private void navigateToInvoices(Action.NavigateToInvoices step) {
        Handle handle = model.pick(step.pick(), h -> h.kind == Kind.CUSTOMER);
        if (handle == null) {
            checks.skip(step, "no customer");
            return;
        }
        Customer customer = (Customer) handle.entity;
        String alias = handle.managedBy;
        List<Invoice> loaded = new ArrayList<>();
        checks.execute(handle + ".getInvoices().size()", navigationAliases(handle),
                alias == null ? Expect.may(LazyInitializationException.class) : Expect.NOTHING, () -> {
                    customer.getInvoices().size();
                    loaded.addAll(customer.getInvoices());
                });
        if (alias != null) {
            for (Invoice invoice : loaded) {
                if (model.handleOf(invoice) == null) {
                    adopt(invoice, alias);
                }
            }
        }
    }

    /**
     * Lazy loading goes through the session of the owner: the alias managing it, or the one that let it go
     * in this transaction (a removed instance stays in its session until the flush; a moved one keeps its
     * proxies); nothing once its entity manager is closed.
     */
    private static Set<String> navigationAliases(Handle owner) {
        String alias = owner.managedBy != null ? owner.managedBy : owner.released;
        return alias == null ? Set.of() : Set.of(alias);
    }

    /**
     * {@code em.flush()}, or commit and close. When a row about to be written refers to an instance stuck to
     * another alias, the relation guard refuses the flush (README "Relations across databases"); the unit of work is then rolled back.
     */
    private void flush(boolean commit) {
        Set<String> allowed = model.flushAliases();
        Expect expect = !model.refusesRelations(allowed) ? Expect.NOTHING
                : Expect.must(commit ? RollbackException.class : CrossDatabaseRelationException.class);
        Throwable failure = checks.execute(commit ? "commit, close" : "em.flush()", allowed, expect, () -> {
            if (commit) {
                em.getTransaction().commit();
                em.close();
            } else {
                em().flush();
            }
        });
        if (failure != null) {
            abandon();
            return;
        }
        model.flushed();
        if (commit) {
            endTransaction(true);
            checks.verifyRows(factory, model.rows);
        }
    }

    /** After a refused flush: roll back and close, as an application would. */
    private void abandon() {
        if (em.getTransaction().isActive()) {
            em.getTransaction().rollback();
        }
        em.close();
        endTransaction(false);
    }

    private void endTransaction(boolean committed) {
        model.transactionEnded(committed);
        em = null;
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private MultiDbEntityManager em() {
        if (em == null) {
            em = factory.createEntityManager();
            em.getTransaction().begin();
        }
        return em;
    }

    private EntityManager target(Via via) {
        return via.alias == null ? em() : em().using(via.alias);
    }

    /** An instance the library handed out from {@code alias}: managed and stuck there. */
    private void adopt(Record entity, String alias) {
        Handle known = model.handleOf(entity);
        if (known == null) {
            model.adopt(new Handle(entity, Kind.of(Hibernate.getClass(entity)), alias));
        } else if (!alias.equals(known.managedBy)) {
            throw checks.failure("The model says " + known + ", but the library returned it from '" + alias + "'", null);
        }
    }

    private static Record create(Kind kind, long id, String label, Customer customer) {
        return switch (kind) {
            case CUSTOMER -> new Customer(id, label);
            case INVOICE -> new Invoice(id, label, customer);
            case ORDER -> new Order(id, label);
            case NOTE -> new Note(id, label);
            case SHARD -> new Shard(id, label);
        };
    }
}
