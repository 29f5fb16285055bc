package dev.multidb.internal.session;

import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.ConnectionConsumer;
import jakarta.persistence.ConnectionFunction;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.FindOption;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockOption;
import jakarta.persistence.Query;
import jakarta.persistence.RefreshOption;
import jakarta.persistence.StoredProcedureQuery;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.TypedQueryReference;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.CriteriaSelect;
import jakarta.persistence.criteria.CriteriaUpdate;
import jakarta.persistence.metamodel.Metamodel;
import dev.multidb.internal.stickiness.StickyAliases;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.graph.RootGraph;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every operation of {@link EntityManager}, each sent to the child session of one alias.
 *
 * <p>The rules, shared by the routed entity manager and its {@code using(alias)} views, which differ only
 * in how an alias is chosen ({@link #aliasForRead}, {@link #aliasForWrite}, {@link #aliasForNative}):
 * <ul>
 *   <li>{@code find}, {@code getReference}: the read alias of the entity type.</li>
 *   <li>{@code persist}, {@code merge}: the write alias of the instance. An instance stuck to another
 *       alias is copied there with the same id ({@link CrossDatabaseCopies}).</li>
 *   <li>{@code remove}: the write alias; an instance managed elsewhere is detached there and its row
 *       deleted on the write alias.</li>
 *   <li>{@code refresh}, {@code lock}, {@code detach}, {@code getLockMode}: the child that manages the
 *       instance (it holds the instance's state and connection); an unmanaged instance fails as JPA says.</li>
 *   <li>JPQL and Criteria: the read alias of the root entity for selects, the write alias for update and
 *       delete; named JPQL queries likewise. Native queries and stored procedures: the alias of their
 *       entity result if any, otherwise {@link #aliasForNative()}.</li>
 *   <li>{@code flush}, {@code clear}: every open child. Flush mode, cache modes and properties apply to
 *       every child, present and future.</li>
 * </ul>
 */
abstract class RoutedEntityManager implements EntityManager {

    protected final MultiDbRuntime runtime;
    protected final ChildSessions children;
    protected final MultiDbTransaction transaction;

    RoutedEntityManager(MultiDbRuntime runtime, ChildSessions children, MultiDbTransaction transaction) {
        this.runtime = runtime;
        this.children = children;
        this.transaction = transaction;
    }

    /** The alias a read of {@code type} goes to; {@code instance} is the instance involved, if any. */
    protected abstract String aliasForRead(Class<?> type, Object instance);

    /**
     * The alias a write of {@code type} goes to; {@code instance} is the instance written, if any, and
     * {@code operation} names the write for error messages.
     */
    protected abstract String aliasForWrite(Class<?> type, Object instance, String operation);

    /** The instance routers are told about when {@code entity} is persisted; the entity itself by default. */
    protected Object persistHint(Object entity) {
        return entity;
    }

    /** The alias of native SQL with no entity result. */
    protected abstract String aliasForNative();

    protected abstract void requireOpen();

    /**
     * {@code null} while the entity manager is open; once it is closed, the closed Hibernate session that answers
     * every call as Hibernate does ({@link IllegalStateException}, or {@link IllegalArgumentException} for an
     * argument it checks first). Closed while its transaction is active, the entity manager marks the transaction
     * for rollback and throws {@link IllegalStateException} instead.
     */
    protected abstract Session closed();

    /**
     * Like {@link #closed()}, but {@code null} too while an entity manager closed in an active transaction waits
     * for its end: Hibernate lets {@code find}, the cache modes, the properties and the connection calls go on.
     */
    protected abstract Session closedForGood();

    /**
     * An alias whose child answers for calls that no alias is responsible for: an unmanaged instance passed to
     * {@code lock}, {@code refresh} or {@code getLockMode}, a {@code null} entity, a query that cannot be analysed.
     * Hibernate's own checks then throw JPA's exception and mark the transaction, as on plain Hibernate.
     */
    protected abstract String anyAlias();

    protected Session child(String alias) {
        requireOpen();
        return children.get(alias);
    }

    private Session anyChild() {
        return child(anyAlias());
    }

    protected static Class<?> typeOf(Object entity) {
        return Hibernate.getClass(entity);
    }

    // ---- entity operations ------------------------------------------------------------------------

    @Override
    public void persist(Object entity) {
        Session closed = closed();
        if (closed != null) {
            closed.persist(entity);
            return;
        }
        if (entity == null) {
            anyChild().persist(null);
            return;
        }
        String alias = aliasForWrite(typeOf(entity), persistHint(entity), "persist");
        String managing = children.managing(entity);
        if ((managing == null && !CrossDatabaseCopies.isStuckElsewhere(runtime, entity, alias))
                || alias.equals(managing)) {
            child(alias).persist(entity);
        } else {
            requireOpen();
            CrossDatabaseCopies.insertCopy(children, managing, alias, entity);
        }
        placed(entity, alias, false);
    }

    @Override
    public <T> T merge(T entity) {
        Session closed = closed();
        if (closed != null) {
            return closed.merge(entity);
        }
        if (entity == null) {
            return anyChild().merge(null);
        }
        String alias = aliasForWrite(typeOf(entity), entity, "merge");
        String managing = children.managing(entity);
        T merged;
        if (alias.equals(managing) || (managing == null && !CrossDatabaseCopies.isStuckElsewhere(runtime, entity, alias))) {
            merged = child(alias).merge(entity);
        } else {
            requireOpen();
            merged = CrossDatabaseCopies.mergeCopy(children, alias, entity);
        }
        placed(merged, alias, isExplicitAlias());
        return merged;
    }

    /**
     * An instance just written to {@code alias}: stuck there at once (routers see it before the flush).
     * The state a {@code using(alias).merge} copied onto it is that merge's write: when routers could move
     * later changes elsewhere, it is flushed to {@code alias} at once, so that only the later changes move.
     */
    private void placed(Object entity, String alias, boolean mergedExplicitly) {
        if (runtime.tracksInstances()) {
            StickyAliases.stick(entity, alias);
        }
        if (mergedExplicitly && transaction.isActive() && runtime.relocatesWrites()) {
            WriteRelocation.apply(children, runtime, List.of(alias), entity);
            child(alias).flush();
        }
    }

    /** Whether aliases here are chosen by the caller ({@code using}) rather than by routers. */
    protected abstract boolean isExplicitAlias();

    @Override
    public void remove(Object entity) {
        Session closed = closed();
        if (closed != null) {
            closed.remove(entity);
            return;
        }
        if (entity == null) {
            anyChild().remove(null);
            return;
        }
        String alias = aliasForWrite(typeOf(entity), entity, "remove");
        String managing = children.managing(entity);
        if (managing == null || alias.equals(managing)) {
            child(alias).remove(entity);
            return;
        }
        Object id = child(managing).getIdentifier(entity);
        if (children.existsInDatabase(managing, entity)) {
            child(managing).detach(entity);
        } else if (transaction.isActive()) {
            // Persisted on the managing alias and not inserted yet: inserted there now, as persisted (Django's
            // save(using=b) then delete(): the row is written on b, deleted where the router says), then
            // detached like any instance removed elsewhere, so that its later changes are not written.
            WriteRelocation.flushAsPersisted(children, runtime, managing, entity);
            child(managing).detach(entity);
        } else {
            // No transaction to flush in: the insert stays queued, as persisted; read-only, so that no later
            // change of the removed instance is written.
            child(managing).setReadOnly(entity, true);
        }
        Session target = child(alias);
        target.remove(target.getReference(typeOf(entity), id));
    }

    @Override
    public <T> T find(Class<T> type, Object id) {
        Session closed = closedForGood();
        if (closed != null) {
            return closed.find(type, id);
        }
        if (runtime.replicated()) {
            return readRetryingOnReplica(type, alias -> child(alias).find(type, id));
        }
        return child(aliasForRead(type, null)).find(type, id);
    }

    @Override
    public <T> T find(Class<T> type, Object id, Map<String, Object> properties) {
        Session closed = closedForGood();
        if (closed != null) {
            return closed.find(type, id, properties);
        }
        if (runtime.replicated()) {
            return readRetryingOnReplica(type, alias -> child(alias).find(type, id, properties));
        }
        return child(aliasForRead(type, null)).find(type, id, properties);
    }

    /**
     * A read outside a transaction that a replica serves: if the replica's connection breaks, the replica
     * leaves rotation and the read runs once more wherever reads of the type now go.
     */
    private <T> T readRetryingOnReplica(Class<?> type, java.util.function.Function<String, T> read) {
        String alias = aliasForRead(type, null);
        if (transaction.isActive() || !runtime.replicas().isReplica(alias)) {
            return read.apply(alias);
        }
        try {
            return read.apply(alias);
        } catch (RuntimeException e) {
            if (!ConnectionFailures.isConnectionFailure(e)) {
                throw e;
            }
            runtime.replicas().markDown(alias, e);
            return read.apply(aliasForRead(type, null));
        }
    }

    /**
     * The query as the caller gets it: run in chunks when its bound values exceed what the alias's database
     * takes in one statement, and, for a select on a replica outside a transaction, retried once elsewhere
     * if the replica breaks.
     */
    private <T> TypedQuery<T> routedQuery(String alias, QueryTarget target, TypedQuery<T> query) {
        TypedQuery<T> routed = query;
        ParameterLimit limit = runtime.parameterLimit(alias);
        if (limit != null && limit.any() && target.statement() != null) {
            routed = new ChunkedQuery<>(routed, target.statement(), limit, transaction::markRollbackOnly);
        }
        if (!transaction.isActive() && runtime.replicas().isReplica(alias)) {
            routed = new ReplicaReadQuery<>(routed, alias, runtime.replicas());
        }
        return routed;
    }

    @Override
    public <T> T find(Class<T> type, Object id, LockModeType lockMode) {
        Session closed = closed();
        if (closed != null) {
            return closed.find(type, id, lockMode);
        }
        return child(aliasForLock(type, null, lockMode)).find(type, id, lockMode);
    }

    @Override
    public <T> T find(Class<T> type, Object id, LockModeType lockMode, Map<String, Object> properties) {
        Session closed = closed();
        if (closed != null) {
            return closed.find(type, id, lockMode, properties);
        }
        return child(aliasForLock(type, null, lockMode)).find(type, id, lockMode, properties);
    }

    @Override
    public <T> T find(Class<T> type, Object id, FindOption... options) {
        Session closed = closedForGood();
        if (closed != null) {
            return closed.find(type, id, options);
        }
        return child(aliasForLock(type, null, lockModeOf(options))).find(type, id, options);
    }

    @Override
    public <T> T find(EntityGraph<T> graph, Object id, FindOption... options) {
        Session closed = closedForGood();
        if (closed != null) {
            return closed.find(graph, id, options);
        }
        Class<T> type = ((RootGraph<T>) graph).getGraphedType().getJavaType();
        return child(aliasForLock(type, null, lockModeOf(options))).find(graph, id, options);
    }

    @Override
    public <T> T getReference(Class<T> type, Object id) {
        Session closed = closed();
        if (closed != null) {
            return closed.getReference(type, id);
        }
        String alias = aliasForRead(type, null);
        T reference = child(alias).getReference(type, id);
        if (runtime.tracksInstances() && reference instanceof org.hibernate.proxy.HibernateProxy) {
            StickyAliases.stick(reference, alias);
        }
        return reference;
    }

    @Override
    public <T> T getReference(T entity) {
        Session closed = closed();
        if (closed != null) {
            return closed.getReference(entity);
        }
        String managing = children.managing(entity);
        String alias = managing != null ? managing : aliasForRead(typeOf(entity), entity);
        return child(alias).getReference(entity);
    }

    @Override
    public void lock(Object entity, LockModeType lockMode) {
        Session closed = closed();
        if (closed != null) {
            closed.lock(entity, lockMode);
            return;
        }
        managingChild(entity).lock(entity, lockMode);
    }

    @Override
    public void lock(Object entity, LockModeType lockMode, Map<String, Object> properties) {
        Session closed = closed();
        if (closed != null) {
            closed.lock(entity, lockMode, properties);
            return;
        }
        managingChild(entity).lock(entity, lockMode, properties);
    }

    @Override
    public void lock(Object entity, LockModeType lockMode, LockOption... options) {
        Session closed = closed();
        if (closed != null) {
            closed.lock(entity, lockMode, options);
            return;
        }
        managingChild(entity).lock(entity, lockMode, options);
    }

    @Override
    public void refresh(Object entity) {
        Session closed = closed();
        if (closed != null) {
            closed.refresh(entity);
            return;
        }
        managingChild(entity).refresh(entity);
    }

    @Override
    public void refresh(Object entity, Map<String, Object> properties) {
        Session closed = closed();
        if (closed != null) {
            closed.refresh(entity, properties);
            return;
        }
        managingChild(entity).refresh(entity, properties);
    }

    @Override
    public void refresh(Object entity, LockModeType lockMode) {
        Session closed = closed();
        if (closed != null) {
            closed.refresh(entity, lockMode);
            return;
        }
        managingChild(entity).refresh(entity, lockMode);
    }

    @Override
    public void refresh(Object entity, LockModeType lockMode, Map<String, Object> properties) {
        Session closed = closed();
        if (closed != null) {
            closed.refresh(entity, lockMode, properties);
            return;
        }
        managingChild(entity).refresh(entity, lockMode, properties);
    }

    @Override
    public void refresh(Object entity, RefreshOption... options) {
        Session closed = closed();
        if (closed != null) {
            closed.refresh(entity, options);
            return;
        }
        managingChild(entity).refresh(entity, options);
    }

    @Override
    public void detach(Object entity) {
        Session closed = closed();
        if (closed != null) {
            closed.detach(entity);
            return;
        }
        String managing = children.managing(entity);
        if (managing != null) {
            children.peek(managing).detach(entity);
        } else if (entity == null || !isEntity(typeOf(entity))) {
            anyChild().detach(entity); // Hibernate's refusal of null and of non-entities
        }
        // an entity no child manages: nothing to detach, as in Hibernate
    }

    @Override
    public boolean contains(Object entity) {
        Session closed = closed();
        if (closed != null) {
            return closed.contains(entity);
        }
        // Each open child's contains refuses an object that is no entity, as Hibernate's does.
        if (children.managing(entity) != null) {
            return true;
        }
        if (entity != null && children.none() && !isEntity(typeOf(entity))) {
            return anyChild().contains(entity);
        }
        return false;
    }

    @Override
    public LockModeType getLockMode(Object entity) {
        Session closed = closed();
        if (closed != null) {
            return closed.getLockMode(entity);
        }
        return managingChild(entity).getLockMode(entity);
    }

    /**
     * The child managing {@code entity}; for an instance no child manages, {@link #anyAlias()}'s child, whose
     * Hibernate session then refuses it as JPA says (and marks the transaction for rollback).
     */
    protected Session managingChild(Object entity) {
        requireOpen();
        String managing;
        try {
            managing = children.managing(entity);
        } catch (IllegalArgumentException notAnEntity) {
            managing = null; // Hibernate's lock and getLockMode ask for a transaction first: anyChild() decides
        }
        return managing != null ? children.peek(managing) : anyChild();
    }

    private String aliasForLock(Class<?> type, Object instance, LockModeType lockMode) {
        return isPessimistic(lockMode) ? aliasForWrite(type, instance, "lock") : aliasForRead(type, instance);
    }

    private static boolean isPessimistic(LockModeType lockMode) {
        return lockMode == LockModeType.PESSIMISTIC_READ || lockMode == LockModeType.PESSIMISTIC_WRITE
                || lockMode == LockModeType.PESSIMISTIC_FORCE_INCREMENT;
    }

    private static LockModeType lockModeOf(FindOption... options) {
        for (FindOption option : options) {
            if (option instanceof LockModeType lockMode) {
                return lockMode;
            }
        }
        return null;
    }

    // ---- persistence context ----------------------------------------------------------------------

    @Override
    public void flush() {
        Session closed = closed();
        if (closed != null) {
            closed.flush();
            return;
        }
        if (!transaction.isActive()) {
            throw new jakarta.persistence.TransactionRequiredException("No transaction is in progress; flush() needs one.");
        }
        children.flushAll();
    }

    @Override
    public void setFlushMode(FlushModeType flushMode) {
        Session closed = closed();
        if (closed != null) {
            closed.setFlushMode(flushMode);
            return;
        }
        children.flushMode(flushMode);
    }

    @Override
    public FlushModeType getFlushMode() {
        Session closed = closed();
        if (closed != null) {
            return closed.getFlushMode();
        }
        return children.flushMode();
    }

    @Override
    public void clear() {
        Session closed = closed();
        if (closed != null) {
            closed.clear();
            return;
        }
        children.clearAll();
    }

    @Override
    public void setCacheRetrieveMode(CacheRetrieveMode mode) {
        Session closed = closedForGood();
        if (closed != null) {
            closed.setCacheRetrieveMode(mode);
            return;
        }
        children.cacheRetrieveMode(mode);
    }

    @Override
    public void setCacheStoreMode(CacheStoreMode mode) {
        Session closed = closedForGood();
        if (closed != null) {
            closed.setCacheStoreMode(mode);
            return;
        }
        children.cacheStoreMode(mode);
    }

    @Override
    public CacheRetrieveMode getCacheRetrieveMode() {
        Session closed = closedForGood();
        if (closed != null) {
            return closed.getCacheRetrieveMode();
        }
        return children.cacheRetrieveMode();
    }

    @Override
    public CacheStoreMode getCacheStoreMode() {
        Session closed = closedForGood();
        if (closed != null) {
            return closed.getCacheStoreMode();
        }
        return children.cacheStoreMode();
    }

    @Override
    public void setProperty(String name, Object value) {
        Session closed = closed();
        if (closed != null) {
            closed.setProperty(name, value);
            return;
        }
        children.property(name, value);
    }

    @Override
    public Map<String, Object> getProperties() {
        Session closed = closedForGood();
        if (closed != null) {
            return closed.getProperties();
        }
        return children.properties();
    }

    // ---- queries ----------------------------------------------------------------------------------

    private String aliasFor(QueryTarget target) {
        if (target.rootEntity() == null) {
            return aliasForNative();
        }
        String alias = target.write() ? aliasForWrite(target.rootEntity(), null, "run an update or delete query on")
                : aliasForRead(target.rootEntity(), null);
        checkQuery(target, alias);
        return alias;
    }

    /**
     * The target of a JPQL text, or {@code null} when Hibernate cannot interpret it: the query is then created on
     * {@link #anyAlias()}'s child, whose Hibernate session throws JPA's {@link IllegalArgumentException} and marks
     * the transaction, as on plain Hibernate.
     */
    private QueryTarget hqlTarget(String hql) {
        try {
            return runtime.queryTargets().ofHql(hql);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Called with every routed JPQL or Criteria query; a view with a fixed alias checks nothing. */
    protected void checkQuery(QueryTarget target, String alias) {
    }

    /**
     * The child a query runs on. Hibernate flushes that child automatically before the query runs, without
     * asking routers; so, first, its changed instances whose write alias is elsewhere are moved there.
     */
    private Session queryChild(String alias) {
        Session session = child(alias);
        if (runtime.relocatesWrites() && transaction.isActive()
                && children.flushMode() == jakarta.persistence.FlushModeType.AUTO) {
            WriteRelocation.apply(children, runtime, List.of(alias));
        }
        return session;
    }

    @Override
    public Query createQuery(String hql) {
        return hqlQuery(hql, session -> session.createQuery(hql));
    }

    @Override
    public <T> TypedQuery<T> createQuery(String hql, Class<T> resultType) {
        return hqlQuery(hql, session -> session.createQuery(hql, resultType));
    }

    @Override
    public <T> TypedQuery<T> createQuery(CriteriaQuery<T> criteria) {
        return criteriaQuery(() -> QueryTargets.ofCriteria(criteria), session -> session.createQuery(criteria));
    }

    @Override
    public <T> TypedQuery<T> createQuery(CriteriaSelect<T> criteria) {
        return criteriaQuery(() -> QueryTargets.ofCriteria(criteria), session -> session.createQuery(criteria));
    }

    @Override
    public Query createQuery(CriteriaUpdate<?> criteria) {
        return criteriaQuery(() -> QueryTargets.ofCriteria(criteria), session -> session.createQuery(criteria));
    }

    @Override
    public Query createQuery(CriteriaDelete<?> criteria) {
        return criteriaQuery(() -> QueryTargets.ofCriteria(criteria), session -> session.createQuery(criteria));
    }

    @Override
    public Query createNamedQuery(String name) {
        return namedQuery(() -> name, session -> session.createNamedQuery(name));
    }

    @Override
    public <T> TypedQuery<T> createNamedQuery(String name, Class<T> resultType) {
        return namedQuery(() -> name, session -> session.createNamedQuery(name, resultType));
    }

    @Override
    public <T> TypedQuery<T> createQuery(TypedQueryReference<T> reference) {
        return namedQuery(() -> reference.getName(), session -> session.createQuery(reference));
    }

    /**
     * A JPQL query: once closed, the closed session's answer; else created on the child of the alias its root routes
     * to, or on {@link #anyAlias()}'s when Hibernate cannot interpret it (see {@link #hqlTarget}).
     */
    private <T> TypedQuery<T> hqlQuery(String hql, Function<Session, TypedQuery<T>> create) {
        Session closed = closed();
        if (closed != null) {
            return create.apply(closed);
        }
        QueryTarget target = hqlTarget(hql);
        if (target == null) {
            return create.apply(anyChild());
        }
        String alias = aliasFor(target);
        return routedQuery(alias, target, create.apply(queryChild(alias)));
    }

    /** A Criteria query: once closed, the closed session's answer; else created where its root routes. */
    private <T> TypedQuery<T> criteriaQuery(Supplier<QueryTarget> target, Function<Session, TypedQuery<T>> create) {
        Session closed = closed();
        if (closed != null) {
            return create.apply(closed);
        }
        QueryTarget routed = target.get();
        String alias = aliasFor(routed);
        return routedQuery(alias, routed, create.apply(queryChild(alias)));
    }

    /**
     * A named query: once closed, the closed session's answer (before the name is asked for: a closed entity
     * manager refuses even a null reference as Hibernate's does); else created where its root routes, if it has one.
     */
    private <T> TypedQuery<T> namedQuery(Supplier<String> name, Function<Session, TypedQuery<T>> create) {
        Session closed = closed();
        if (closed != null) {
            return create.apply(closed);
        }
        QueryTarget target = runtime.queryTargets().ofNamed(name.get());
        String alias = namedQueryAlias(target);
        return routedQuery(alias, orNoRoot(target), create.apply(queryChild(alias)));
    }

    private static QueryTarget orNoRoot(QueryTarget target) {
        return target == null ? QueryTarget.NO_ROOT_READ : target;
    }

    private String namedQueryAlias(QueryTarget target) {
        return target == null ? aliasForNative() : aliasFor(target);
    }

    @Override
    public Query createNativeQuery(String sql) {
        Session closed = closed();
        if (closed != null) {
            return closed.createNativeQuery(sql);
        }
        return queryChild(aliasForNative()).createNativeQuery(sql);
    }

    @Override
    public <T> Query createNativeQuery(String sql, Class<T> resultClass) {
        Session closed = closed();
        if (closed != null) {
            return closed.createNativeQuery(sql, resultClass);
        }
        String alias = isEntity(resultClass) ? aliasForRead(resultClass, null) : aliasForNative();
        return queryChild(alias).createNativeQuery(sql, resultClass);
    }

    @Override
    public Query createNativeQuery(String sql, String resultSetMapping) {
        Session closed = closed();
        if (closed != null) {
            return closed.createNativeQuery(sql, resultSetMapping);
        }
        return queryChild(aliasForNative()).createNativeQuery(sql, resultSetMapping);
    }

    @Override
    public StoredProcedureQuery createNamedStoredProcedureQuery(String name) {
        Session closed = closed();
        if (closed != null) {
            return closed.createNamedStoredProcedureQuery(name);
        }
        return queryChild(aliasForNative()).createNamedStoredProcedureQuery(name);
    }

    @Override
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName) {
        Session closed = closed();
        if (closed != null) {
            return closed.createStoredProcedureQuery(procedureName);
        }
        return queryChild(aliasForNative()).createStoredProcedureQuery(procedureName);
    }

    @Override
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName, Class<?>... resultClasses) {
        Session closed = closed();
        if (closed != null) {
            return closed.createStoredProcedureQuery(procedureName, resultClasses);
        }
        String alias = resultClasses.length > 0 && isEntity(resultClasses[0])
                ? aliasForRead(resultClasses[0], null) : aliasForNative();
        return queryChild(alias).createStoredProcedureQuery(procedureName, resultClasses);
    }

    @Override
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName, String... resultSetMappings) {
        Session closed = closed();
        if (closed != null) {
            return closed.createStoredProcedureQuery(procedureName, resultSetMappings);
        }
        return queryChild(aliasForNative()).createStoredProcedureQuery(procedureName, resultSetMappings);
    }

    private boolean isEntity(Class<?> type) {
        return runtime.lead().getMappingMetamodel().findEntityDescriptor(type) != null;
    }

    // ---- metamodel, graphs, connections -----------------------------------------------------------

    @Override
    public CriteriaBuilder getCriteriaBuilder() {
        Session closed = closed();
        if (closed != null) {
            return closed.getCriteriaBuilder();
        }
        return runtime.lead().getCriteriaBuilder();
    }

    @Override
    public Metamodel getMetamodel() {
        Session closed = closed();
        if (closed != null) {
            return closed.getMetamodel();
        }
        return runtime.lead().getMetamodel();
    }

    @Override
    public <T> EntityGraph<T> createEntityGraph(Class<T> rootType) {
        Session closed = closed();
        if (closed != null) {
            return closed.createEntityGraph(rootType);
        }
        return runtime.lead().createEntityGraph(rootType);
    }

    @Override
    public EntityGraph<?> createEntityGraph(String graphName) {
        Session closed = closed();
        if (closed != null) {
            return closed.createEntityGraph(graphName);
        }
        RootGraph<?> graph = runtime.lead().findEntityGraphByName(graphName);
        return graph == null ? null : graph.makeCopy(true);
    }

    @Override
    public EntityGraph<?> getEntityGraph(String graphName) {
        Session closed = closed();
        if (closed != null) {
            return closed.getEntityGraph(graphName);
        }
        EntityGraph<?> graph = runtime.lead().findEntityGraphByName(graphName);
        if (graph == null) {
            throw new IllegalArgumentException("No entity graph named '" + graphName + "'.");
        }
        return graph;
    }

    @Override
    public <T> List<EntityGraph<? super T>> getEntityGraphs(Class<T> entityClass) {
        Session closed = closed();
        if (closed != null) {
            return closed.getEntityGraphs(entityClass);
        }
        return runtime.lead().findEntityGraphsByType(entityClass);
    }

    @Override
    public <C> void runWithConnection(ConnectionConsumer<C> action) {
        Session closed = closedForGood();
        if (closed != null) {
            closed.runWithConnection(action);
            return;
        }
        child(aliasForNative()).runWithConnection(action);
    }

    @Override
    public <C, T> T callWithConnection(ConnectionFunction<C, T> function) {
        Session closed = closedForGood();
        if (closed != null) {
            return closed.callWithConnection(function);
        }
        return child(aliasForNative()).callWithConnection(function);
    }

    // ---- transactions and lifecycle ---------------------------------------------------------------

    /** Like Hibernate's, the transaction is reachable after close: it may still have to be ended. */
    @Override
    public EntityTransaction getTransaction() {
        return transaction;
    }

    /** Resource-local units have no JTA transaction to join: this does nothing, as Hibernate does. */
    @Override
    public void joinTransaction() {
        Session closed = closed();
        if (closed != null) {
            closed.joinTransaction();
            return;
        }
    }

    @Override
    public boolean isJoinedToTransaction() {
        Session closed = closed();
        if (closed != null) {
            return closed.isJoinedToTransaction();
        }
        return transaction.isActive();
    }

    @Override
    public EntityManagerFactory getEntityManagerFactory() {
        Session closed = closed();
        if (closed != null) {
            return closed.getEntityManagerFactory();
        }
        return factory();
    }

    protected abstract EntityManagerFactory factory();

    @Override
    public Object getDelegate() {
        Session closed = closed();
        if (closed != null) {
            return closed.getDelegate();
        }
        return this;
    }
}
