package dev.multidb.internal.session;

import dev.multidb.PartialCommitException;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.RollbackException;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.hibernate.jpa.spi.JpaCompliance;
import org.hibernate.resource.transaction.spi.TransactionStatus;

import dev.multidb.internal.replicas.Replicas;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One {@link EntityTransaction} over every alias the unit of work touches.
 *
 * <p>Each alias gets its own database transaction, begun when the unit of work first uses that alias
 * (or at {@link #begin()} for children already open). {@link #commit()} flushes every child first, so
 * that a failing statement stops the commit before any alias has committed, then commits alias by alias
 * in the order of their names (one order for every transaction: see {@link ByAlias#sortByAlias()}). If an
 * alias fails to commit after another has committed, the rest are rolled back and
 * {@link PartialCommitException} names both groups; an alias whose connection broke after {@code COMMIT} was
 * sent is named in doubt, never rolled back. Without two-phase commit that is the truth the application has to
 * act on, and it is told rather than left to guess.
 *
 * <p>Outside an active transaction it behaves as Hibernate's own: {@code rollback}, {@code setRollbackOnly} and
 * {@code getRollbackOnly} do nothing (or answer false) unless {@code hibernate.jpa.compliance.transaction} asks
 * for JPA's {@link IllegalStateException}, and committing a transaction marked for rollback rolls it back,
 * throwing {@link RollbackException} under that setting only.
 */
final class MultiDbTransaction implements EntityTransaction {

    /** What the transaction needs of its entity manager. */
    interface Owner {
        /** Whether the entity manager is open: a closed one cannot begin a transaction. */
        boolean isOpen();

        /** Called once the transaction has ended, committed or rolled back (a closed entity manager then closes). */
        void afterCompletion();
    }

    private final ChildSessions children;
    private final JpaCompliance compliance;
    /** The entity manager; held weakly instead where dropped entity managers are watched ({@link DroppedEntityManagers}). */
    private Owner owner;
    private java.lang.ref.WeakReference<Owner> weakOwner;
    /**
     * The enlisted aliases' transactions (sorted by alias at commit); made by the first {@link #begin()}
     * (most entity managers that only read never begin one).
     */
    private ByAlias<Transaction> enlisted;
    private Set<String> written = Set.of();
    private final Replicas replicas;
    private boolean active;
    private boolean rollbackOnly;
    private Integer timeout;

    MultiDbTransaction(ChildSessions children, Replicas replicas, JpaCompliance compliance) {
        this.children = children;
        this.replicas = replicas;
        this.compliance = compliance;
    }

    void owner(Owner owner) {
        if (children.watchesDroppedEntityManagers()) {
            this.weakOwner = new java.lang.ref.WeakReference<>(owner);
        } else {
            this.owner = owner;
        }
    }

    private Owner owner() {
        return owner != null ? owner : weakOwner == null ? null : weakOwner.get();
    }

    /** Records that this transaction sent a write to {@code alias} (a primary with replicas). */
    void markWritten(String alias) {
        if (active && !written.contains(alias)) {
            if (written.isEmpty()) {
                written = new HashSet<>(4);
            }
            written.add(alias);
        }
    }

    /** Whether this transaction is active and wrote to {@code alias}: its reads must stay there. */
    boolean wrote(String alias) {
        return active && !written.isEmpty() && written.contains(alias);
    }

    void enlist(String alias, Session session) {
        if (active && !isEnlisted(alias)) {
            Transaction transaction = session.getTransaction();
            if (timeout != null) {
                transaction.setTimeout(timeout);
            }
            transaction.begin();
            enlisted.add(alias, transaction);
        }
    }

    private boolean isEnlisted(String alias) {
        return enlisted.get(alias) != null;
    }

    @Override
    public void begin() {
        Owner entityManager = owner();
        if (entityManager != null && !entityManager.isOpen()) {
            throw new IllegalStateException("Cannot begin a transaction: its entity manager is closed.");
        }
        if (active) {
            throw new IllegalStateException("Transaction already active");
        }
        if (enlisted == null) {
            enlisted = new ByAlias<>();
            if (weakOwner != null && entityManager != null) {
                DroppedEntityManagers.watch(entityManager, children.unitName(), this, children);
            }
        }
        active = true;
        rollbackOnly = false;
        children.enlistOpen(this);
    }

    @Override
    public void commit() {
        if (!active) {
            throw new IllegalStateException("Cannot commit: no transaction is active. Call begin() first.");
        }
        if (getRollbackOnly()) {
            rollbackAll();
            if (compliance.isJpaTransactionComplianceEnabled()) {
                throw new RollbackException("Transaction was marked for rollback only; it has been rolled back.");
            }
            return;
        }
        try {
            if (children.closing()) {
                children.flushClosed();
            } else {
                children.flushAll();
            }
        } catch (RuntimeException e) {
            rollbackAll();
            throw new RollbackException("The flush before commit failed; every alias was rolled back: "
                    + e.getMessage(), e);
        }
        enlisted.sortByAlias();
        try {
            for (int i = 0; i < enlisted.size(); i++) {
                String alias = enlisted.alias(i);
                try {
                    commitFlushed(alias, enlisted.value(i));
                } catch (RuntimeException e) {
                    if (enlisted.value(i).getStatus() == TransactionStatus.FAILED_COMMIT
                            && ConnectionFailures.isConnectionFailure(e)) {
                        // COMMIT may have reached the database: never reported as rolled back
                        if (written.contains(alias)) {
                            replicas.committed(List.of(alias));
                        }
                        throw new PartialCommitException(enlisted.aliasesBefore(i), rollBackFrom(i + 1),
                                List.of(alias), e);
                    }
                    List<String> rolledBack = rollBackFrom(i);
                    if (i == 0) {
                        throw new RollbackException("The commit on '" + alias
                                + "' failed; every alias was rolled back (" + String.join(", ", rolledBack)
                                + "): " + e.getMessage(), e);
                    }
                    throw new PartialCommitException(enlisted.aliasesBefore(i), rolledBack, e);
                }
                if (!written.isEmpty() && written.contains(alias)) {
                    replicas.committed(List.of(alias));
                }
            }
        } finally {
            finish();
        }
    }

    /**
     * Commits one alias's transaction, whose child was flushed by {@link #commit()} already: Hibernate's own
     * flush before completion would only look for changes again, so it is switched off for the commit.
     */
    private void commitFlushed(String alias, Transaction transaction) {
        if (children.closing()) {
            transaction.commit(); // flushed by flushClosed(); Hibernate's own flush finds nothing more to send
            return;
        }
        Session child = children.peek(alias);
        FlushMode mode = child == null ? null : child.getHibernateFlushMode();
        if (mode == null || mode == FlushMode.MANUAL) {
            transaction.commit();
            return;
        }
        child.setHibernateFlushMode(FlushMode.MANUAL);
        try {
            transaction.commit();
        } finally {
            if (child.isOpen()) {
                child.setHibernateFlushMode(mode);
            }
        }
    }

    /** Rolls back the transactions from index {@code from} on (the failed one first); returns their aliases. */
    private List<String> rollBackFrom(int from) {
        List<String> rolledBack = new ArrayList<>(enlisted.size() - from);
        for (int i = from; i < enlisted.size(); i++) {
            rolledBack.add(enlisted.alias(i));
            try {
                if (enlisted.value(i).isActive()) {
                    enlisted.value(i).rollback();
                }
            } catch (RuntimeException ignored) {
                // The database already ended it (a failed commit); nothing more to undo there.
            }
        }
        return rolledBack;
    }

    @Override
    public void rollback() {
        if (inactive("rollback")) {
            return;
        }
        rollbackAll();
    }

    private void rollbackAll() {
        try {
            rollBackFrom(0);
        } finally {
            finish();
        }
    }

    private void finish() {
        if (enlisted != null) {
            enlisted.clear();
        }
        written = Set.of();
        boolean ended = active;
        active = false;
        rollbackOnly = false;
        Owner entityManager = owner();
        if (ended && entityManager != null) {
            entityManager.afterCompletion();
        }
    }

    /** Marks an active transaction for rollback (an operation failed, or ran on a closed entity manager). */
    void markRollbackOnly() {
        if (active) {
            rollbackOnly = true;
        }
    }

    /**
     * Rolls back and forgets the aliases' transactions of an entity manager closed while its transaction, marked
     * for rollback, was still active: their connections go back to the pools at once, and the transaction stays
     * active (and marked) until the application ends it, as Hibernate's does.
     */
    void releaseAliases() {
        if (enlisted != null) {
            rollBackFrom(0);
            enlisted.clear();
        }
        rollbackOnly = true;
    }

    @Override
    public void setRollbackOnly() {
        if (!inactive("setRollbackOnly")) {
            rollbackOnly = true;
        }
    }

    @Override
    public boolean getRollbackOnly() {
        if (inactive("getRollbackOnly")) {
            return false;
        }
        if (rollbackOnly) {
            return true;
        }
        for (int i = 0; i < enlisted.size(); i++) {
            if (enlisted.value(i).getRollbackOnly()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public void setTimeout(Integer seconds) {
        this.timeout = seconds;
    }

    @Override
    public Integer getTimeout() {
        return timeout;
    }

    /**
     * Whether no transaction is active: JPA's {@link IllegalStateException} where
     * {@code hibernate.jpa.compliance.transaction} asks for it, as Hibernate does.
     */
    private boolean inactive(String operation) {
        if (!active && compliance.isJpaTransactionComplianceEnabled()) {
            throw new IllegalStateException("Cannot " + operation + ": no transaction is active. Call begin() first.");
        }
        return !active;
    }
}
