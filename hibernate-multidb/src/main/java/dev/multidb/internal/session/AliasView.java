package dev.multidb.internal.session;

import dev.multidb.MultiDbEntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;

/**
 * The {@code using(alias)} view: every operation, queries included, goes to one alias with routers
 * ignored. It shares the persistence context and the transaction of the entity manager it came from;
 * closing it is refused, since it owns neither.
 */
final class AliasView extends RoutedEntityManager {

    private final MultiDbEntityManagerImpl owner;
    private final String alias;

    AliasView(MultiDbEntityManagerImpl owner, MultiDbRuntime runtime, ChildSessions children,
              MultiDbTransaction transaction, String alias) {
        super(runtime, children, transaction);
        this.owner = owner;
        this.alias = alias;
    }

    /** The entity manager's own transaction (pinned to it where dropped entity managers are watched). */
    @Override
    public jakarta.persistence.EntityTransaction getTransaction() {
        return owner.getTransaction();
    }

    @Override
    protected String aliasForRead(Class<?> type, Object instance) {
        return alias;
    }

    @Override
    protected String aliasForWrite(Class<?> type, Object instance, String operation) {
        if (runtime.replicas().isReplica(alias)) {
            throw runtime.replicas().refuse(alias, operation + " " + type.getSimpleName());
        }
        return alias;
    }

    @Override
    protected boolean isExplicitAlias() {
        return true;
    }

    @Override
    protected String aliasForNative() {
        return alias;
    }

    @Override
    protected void requireOpen() {
        owner.requireOpen();
    }

    @Override
    protected Session closed() {
        return owner.closed();
    }

    @Override
    protected Session closedForGood() {
        return owner.closedForGood();
    }

    @Override
    protected String anyAlias() {
        return alias;
    }

    @Override
    public boolean isOpen() {
        return owner.isOpen();
    }

    @Override
    public void close() {
        throw new IllegalStateException("A using('" + alias + "') view cannot be closed on its own;"
                + " close the MultiDbEntityManager it came from.");
    }

    @Override
    protected EntityManagerFactory factory() {
        return owner.getEntityManagerFactory();
    }

    /** Unwraps as this view, the owning {@link MultiDbEntityManager}, or the alias's Hibernate session. */
    @Override
    public <T> T unwrap(Class<T> type) {
        Session closed = closed();
        if (closed != null) {
            return closed.unwrap(type);
        }
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        if (type.isInstance(owner)) {
            return type.cast(owner);
        }
        Session session = child(alias);
        return type.isInstance(session) ? type.cast(session) : session.unwrap(type);
    }

    @Override
    public String toString() {
        return "using('" + alias + "')";
    }
}
