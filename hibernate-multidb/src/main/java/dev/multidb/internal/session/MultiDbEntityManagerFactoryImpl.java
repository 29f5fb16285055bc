package dev.multidb.internal.session;

import dev.multidb.MultiDbEntityManager;
import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.StatementListener;
import jakarta.persistence.Cache;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceUnitTransactionType;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.Query;
import jakarta.persistence.SchemaManager;
import jakarta.persistence.SynchronizationType;
import jakarta.persistence.TypedQueryReference;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.metamodel.Metamodel;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The factory users get from {@code Persistence.createEntityManagerFactory}. Metamodel, criteria
 * builder, cache and named queries are those of the lead session factory (with one database product,
 * the only one); closing closes every session factory, then every pool.
 */
public final class MultiDbEntityManagerFactoryImpl implements MultiDbEntityManagerFactory {

    private final MultiDbRuntime runtime;
    private final Runnable onClose;
    private volatile boolean open = true;
    private final Cache cache;

    /**
     * @param onClose run once after the session factories are closed (closes the pools)
     */
    public MultiDbEntityManagerFactoryImpl(MultiDbRuntime runtime, Runnable onClose) {
        this.runtime = runtime;
        this.onClose = onClose;
        this.cache = new MultiDbCache(runtime);
    }

    /** The lead session factory; once this factory is closed, it answers as Hibernate's closed factory does. */
    private SessionFactoryImplementor lead() {
        return runtime.lead();
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("The entity manager factory of unit '" + runtime.unitName() + "' is closed.");
        }
    }

    @Override
    public MultiDbEntityManager createEntityManager() {
        requireOpen();
        return MultiDbEntityManagerImpl.open(this, runtime, null);
    }

    @Override
    public MultiDbEntityManager createEntityManager(Map<?, ?> properties) {
        requireOpen();
        return MultiDbEntityManagerImpl.open(this, runtime, properties);
    }

    @Override
    public EntityManager createEntityManager(SynchronizationType synchronizationType) {
        throw jtaUnsupported();
    }

    @Override
    public EntityManager createEntityManager(SynchronizationType synchronizationType, Map<?, ?> properties) {
        throw jtaUnsupported();
    }

    private IllegalStateException jtaUnsupported() {
        return new IllegalStateException("Unit '" + runtime.unitName() + "' is RESOURCE_LOCAL: hibernate-multidb does"
                + " not join JTA transactions; call createEntityManager() instead.");
    }

    @Override
    public Set<String> aliases() {
        return runtime.aliases();
    }

    @Override
    public DataSource dataSource(String alias) {
        requireOpen();
        return runtime.pools().dataSource(alias);
    }

    @Override
    public void addStatementListener(StatementListener listener) {
        runtime.listeners().add(listener);
    }

    @Override
    public void removeStatementListener(StatementListener listener) {
        runtime.listeners().remove(listener);
    }

    @Override
    public CriteriaBuilder getCriteriaBuilder() {
        return lead().getCriteriaBuilder();
    }

    @Override
    public Metamodel getMetamodel() {
        return lead().getMetamodel();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /**
     * Closes every session factory, then every pool. Closing twice does nothing, or fails where
     * {@code hibernate.jpa.compliance.closed} asks for it, as Hibernate's does.
     */
    @Override
    public synchronized void close() {
        if (!open) {
            if (runtime.compliance().isJpaClosedComplianceEnabled()) {
                throw new IllegalStateException("The entity manager factory of unit '" + runtime.unitName()
                        + "' is already closed.");
            }
            return;
        }
        open = false;
        try {
            for (SessionFactoryImplementor factory : runtime.sessionFactories()) {
                factory.close();
            }
        } finally {
            onClose.run();
        }
    }

    @Override
    public String getName() {
        return runtime.unitName();
    }

    @Override
    public Map<String, Object> getProperties() {
        return lead().getProperties();
    }

    @Override
    public Cache getCache() {
        requireOpen();
        return cache;
    }

    @Override
    public PersistenceUnitUtil getPersistenceUnitUtil() {
        return lead().getPersistenceUnitUtil();
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public SchemaManager getSchemaManager() {
        return lead().getSchemaManager();
    }

    @Override
    public void addNamedQuery(String name, Query query) {
        for (SessionFactoryImplementor factory : runtime.sessionFactories()) {
            factory.addNamedQuery(name, query);
        }
    }

    /**
     * Unwraps as this factory, as the lead Hibernate {@code SessionFactory}, or (for this project's own
     * modules, not a public contract) as its internal {@code AliasPools} or {@code MultiDbRuntime}.
     */
    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        if (type.isInstance(runtime)) {
            return type.cast(runtime);
        }
        if (type.isInstance(runtime.pools())) {
            return type.cast(runtime.pools());
        }
        return lead().unwrap(type);
    }

    @Override
    public <T> void addNamedEntityGraph(String graphName, EntityGraph<T> entityGraph) {
        for (SessionFactoryImplementor factory : runtime.sessionFactories()) {
            factory.addNamedEntityGraph(graphName, entityGraph);
        }
    }

    @Override
    public <R> Map<String, TypedQueryReference<R>> getNamedQueries(Class<R> resultType) {
        return lead().getNamedQueries(resultType);
    }

    @Override
    public <E> Map<String, EntityGraph<? extends E>> getNamedEntityGraphs(Class<E> entityType) {
        return lead().getNamedEntityGraphs(entityType);
    }

    @Override
    public void runInTransaction(Consumer<EntityManager> work) {
        callInTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    @Override
    public <R> R callInTransaction(Function<EntityManager, R> work) {
        try (MultiDbEntityManager em = createEntityManager()) {
            EntityTransaction transaction = em.getTransaction();
            transaction.begin();
            try {
                R result = work.apply(em);
                transaction.commit();
                return result;
            } catch (RuntimeException | Error e) {
                if (transaction.isActive()) {
                    transaction.rollback();
                }
                throw e;
            }
        }
    }

    @Override
    public String toString() {
        return "MultiDbEntityManagerFactory[" + runtime.unitName() + ", aliases=" + runtime.aliases() + "]";
    }
}
