package dev.multidb.internal.session;

import dev.multidb.MultiDbEntityManager;
import dev.multidb.UnknownDatabaseException;
import dev.multidb.internal.stickiness.StickyAliases;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import org.hibernate.Session;

import java.util.HashMap;
import java.util.Map;

/**
 * The routed entity manager: aliases come from the router chain. See {@link RoutedEntityManager} for
 * the rule of each operation.
 */
public final class MultiDbEntityManagerImpl extends RoutedEntityManager
        implements MultiDbEntityManager, MultiDbTransaction.Owner {

    private final MultiDbEntityManagerFactoryImpl factory;
    private Map<String, AliasView> views;
    /** The transaction handed out where dropped entity managers are watched: it keeps this one reachable. */
    private jakarta.persistence.EntityTransaction pinned;
    private boolean closed;
    private static final String CLOSED = "This entity manager is closed.";

    MultiDbEntityManagerImpl(MultiDbEntityManagerFactoryImpl factory, MultiDbRuntime runtime, ChildSessions children) {
        super(runtime, children, new MultiDbTransaction(children, runtime.replicas(), runtime.compliance()));
        this.factory = factory;
        children.attach(transaction);
        transaction.owner(this);
    }

    static MultiDbEntityManagerImpl open(MultiDbEntityManagerFactoryImpl factory, MultiDbRuntime runtime,
                                         Map<?, ?> properties) {
        ChildSessions children = new ChildSessions(runtime);
        if (properties != null) {
            properties.forEach((key, value) -> children.property(String.valueOf(key), value));
        }
        return new MultiDbEntityManagerImpl(factory, runtime, children);
    }

    @Override
    public jakarta.persistence.EntityTransaction getTransaction() {
        if (!runtime.watchesDroppedEntityManagers()) {
            return transaction;
        }
        if (pinned == null) {
            pinned = new PinnedTransaction(transaction, this);
        }
        return pinned;
    }

    @Override
    protected String aliasForRead(Class<?> type, Object instance) {
        String alias = runtime.chain().dbForRead(type, instance);
        return runtime.replicated() ? runtime.replicas().readAlias(alias, transaction.wrote(alias)) : alias;
    }

    @Override
    protected String aliasForWrite(Class<?> type, Object instance, String operation) {
        return runtime.writeAlias(type, instance, operation);
    }

    @Override
    protected void checkQuery(QueryTarget target, String alias) {
        if (target.statement() != null) {
            runtime.crossDatabaseQueries().check(target.statement(), alias, target.rootEntity());
        }
    }

    /**
     * Django's rule: a new instance that refers to an instance already stuck to an alias is written where
     * {@code dbForWrite} says when told about the related instance; without routers, that is next to it.
     */
    @Override
    protected Object persistHint(Object entity) {
        if (!runtime.tracksInstances() || StickyAliases.aliasOf(entity) != null
                || children.managing(entity) != null) {
            return entity;
        }
        Object related = RelatedInstances.firstStuck(runtime.lead(), entity);
        return related != null ? related : entity;
    }

    @Override
    protected boolean isExplicitAlias() {
        return false;
    }

    @Override
    protected String aliasForNative() {
        if (!runtime.aliases().contains("default")) {
            throw new UnknownDatabaseException(UnknownDatabaseException.message("default", runtime.aliases())
                    + " Native SQL and queries without an entity root go to 'default', which is not configured;"
                    + " run them through using(alias) instead.", "default");
        }
        return "default";
    }

    @Override
    public EntityManager using(String alias) {
        requireOpen();
        runtime.requireAlias(alias);
        if (views == null) {
            views = new HashMap<>(4);
        }
        return views.computeIfAbsent(alias, a -> new AliasView(this, runtime, children, transaction, a));
    }

    @Override
    public String aliasOf(Object entity) {
        if (entity == null) {
            return null;
        }
        String managing = isOpen() ? children.managing(entity) : null;
        return managing != null ? managing : runtime.stickyAliasOf(entity);
    }

    /**
     * A safety net behind {@link #closed()}, which every operation asks first: once closed for good, nothing may
     * reach a child session.
     */
    @Override
    protected void requireOpen() {
        if (closed && !children.closing()) {
            throw new IllegalStateException(CLOSED);
        }
    }

    @Override
    protected Session closed() {
        if (!closed) {
            return null;
        }
        if (children.closing()) {
            // closed inside its transaction, which lives on (JPA 3.2 section 7.9.1): Hibernate's rule for the rest
            transaction.markRollbackOnly();
            throw new IllegalStateException(CLOSED);
        }
        return closedSession();
    }

    @Override
    protected Session closedForGood() {
        return closed && !children.closing() ? closedSession() : null;
    }

    private Session closedSession() {
        if (!factory.isOpen()) {
            throw new IllegalStateException(CLOSED);
        }
        return children.closedSession(anyAlias());
    }

    @Override
    protected String anyAlias() {
        return runtime.anyAlias();
    }

    @Override
    public boolean isOpen() {
        return !closed && factory.isOpen();
    }

    /**
     * Closes the entity manager. With an active transaction not marked for rollback, the persistence context of
     * every alias stays until that transaction ends (JPA 3.2 section 7.9.1): {@link #getTransaction()} still commits
     * or rolls it back, and each alias's session behaves as a Hibernate session closed in its transaction. Otherwise every child session is closed at once (an active transaction
     * marked for rollback is rolled back on every alias and stays active, marked, until it is ended). Closing a
     * closed entity manager does nothing, or fails where {@code hibernate.jpa.compliance.closed} asks for it.
     */
    @Override
    public void close() {
        if (closed) {
            if (runtime.compliance().isJpaClosedComplianceEnabled()) {
                throw new IllegalStateException("This entity manager is already closed.");
            }
            return;
        }
        closed = true;
        if (transaction.isActive()) {
            if (!transaction.getRollbackOnly()) {
                children.closeAllAfterTransaction();
                return;
            }
            transaction.releaseAliases();
        }
        children.closeAll();
    }

    @Override
    public void afterCompletion() {
        if (children.closing()) {
            children.closeAll();
        }
    }

    @Override
    protected EntityManagerFactory factory() {
        return factory;
    }

    /**
     * {@code MultiDbEntityManager} and {@code EntityManager} give this entity manager; Hibernate's
     * {@link Session} gives the child session of {@code default} (use {@code using(alias).unwrap(...)}
     * for another alias).
     */
    @Override
    public <T> T unwrap(Class<T> type) {
        Session closed = closed();
        if (closed != null) {
            return closed.unwrap(type);
        }
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        Session session = child(aliasForNative());
        if (type.isInstance(session)) {
            return type.cast(session);
        }
        try {
            return session.unwrap(type);
        } catch (PersistenceException e) {
            throw new PersistenceException("Cannot unwrap a MultiDbEntityManager as " + type.getName()
                    + "; it unwraps as MultiDbEntityManager, EntityManager, or a Hibernate Session of"
                    + " 'default' (use using(alias).unwrap(Session.class) for another alias).", e);
        }
    }
}
