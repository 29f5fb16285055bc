package dev.multidb.internal.session;

import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.FlushModeType;
import dev.multidb.internal.replicas.Replicas;
import org.hibernate.Session;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.resource.jdbc.spi.JdbcSessionOwner;
import org.hibernate.SessionBuilder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The Hibernate sessions behind one entity manager, one per alias, each opened on first use with the
 * alias as its tenant identifier.
 *
 * <p>Each child has its own persistence context, connection and database transaction; an instance is
 * managed by exactly the child of the alias it was loaded from or written to, so its lazy associations
 * can only ever load through that alias's connection. Settings made on the entity manager (flush mode,
 * cache modes, properties) are remembered and applied to every child, present and future.
 */
final class ChildSessions {

    private static final String STORE_MODE = "jakarta.persistence.cache.storeMode";
    private static final String LEGACY_STORE_MODE = "javax.persistence.cache.storeMode";

    private final MultiDbRuntime runtime;
    /** The open children in the order they were opened. */
    private final ByAlias<Session> open = new ByAlias<>();
    private Map<String, Object> properties = Map.of();
    private FlushModeType flushMode = FlushModeType.AUTO;
    private CacheRetrieveMode cacheRetrieveMode = CacheRetrieveMode.USE;
    private CacheStoreMode cacheStoreMode = CacheStoreMode.USE;
    private MultiDbTransaction transaction;
    /** A closed child, which answers calls made once the entity manager is closed as Hibernate does. */
    private Session closedChild;
    private boolean closing;

    ChildSessions(MultiDbRuntime runtime) {
        this.runtime = runtime;
    }

    void attach(MultiDbTransaction transaction) {
        this.transaction = transaction;
    }

    /** The child of {@code alias}, opened if needed and enlisted in the active transaction. */
    Session get(String alias) {
        Session session = peek(alias);
        if (session == null) {
            session = open(alias);
            // Only what differs from a new session's defaults is set: opening a child is on every request's path.
            if (flushMode != FlushModeType.AUTO) {
                session.setFlushMode(flushMode);
            }
            if (cacheRetrieveMode != CacheRetrieveMode.USE) {
                session.setCacheRetrieveMode(cacheRetrieveMode);
            }
            boolean replica = runtime.replicated() && runtime.replicas().isReplica(alias);
            CacheStoreMode storeMode = replica ? CacheStoreMode.BYPASS : cacheStoreMode;
            if (storeMode != CacheStoreMode.USE) {
                session.setCacheStoreMode(storeMode);
            }
            if (!properties.isEmpty()) {
                for (Map.Entry<String, Object> property : properties.entrySet()) {
                    setProperty(alias, session, property.getKey(), property.getValue());
                }
            }
            if (replica) {
                // Hibernate's find and refresh read the store mode from the session's properties.
                session.setProperty(STORE_MODE, CacheStoreMode.BYPASS);
            }
            open.add(alias, session);
        }
        if (transaction != null) {
            transaction.enlist(alias, session);
        }
        if (closing && session.isOpen()) {
            session.close(); // a child opened after its entity manager's close waits for the transaction like the rest
        }
        return session;
    }

    /**
     * Closes every child the way Hibernate closes an entity manager whose transaction is active: each one keeps its
     * persistence context, lets {@code find} and its queries' refusals behave as Hibernate's, flushes at its commit
     * and closes itself when the transaction ends.
     */
    void closeAllAfterTransaction() {
        if (runtime.relocatesWrites()) {
            WriteRelocation.apply(this, runtime); // changes made so far go where the routers write them
        }
        closing = true;
        for (int i = 0; i < open.size(); i++) {
            if (runtime.tracksInstances()) {
                DetachedProxies.stick(open.alias(i), open.value(i));
            }
            open.value(i).close();
        }
    }

    /**
     * Flushes every child closed with its entity manager ({@link #closeAllAfterTransaction()}), in the order of their
     * aliases, as {@link #flushAll()} does for open ones: a failing statement stops the commit before any alias has
     * committed. Hibernate's flush before completion, which works on such a session, does the flushing.
     */
    void flushClosed() {
        open.sortByAlias();
        for (int i = 0; i < open.size(); i++) {
            if (open.value(i) instanceof JdbcSessionOwner owner) {
                owner.flushBeforeTransactionCompletion();
            }
        }
    }

    /** Whether the children wait, closed, for the transaction to end ({@link #closeAllAfterTransaction()}). */
    boolean closing() {
        return closing;
    }

    /**
     * Opens the child of {@code alias}. A replica's child refuses any statement that writes, before it is
     * sent; a primary's child with replicas tells the transaction that it wrote (read-your-writes).
     */
    private Session open(String alias) {
        SessionBuilder builder = runtime.sessionFactory(alias).withOptions().tenantIdentifier((Object) alias);
        if (!runtime.replicated()) {
            return builder.openSession();
        }
        Replicas replicas = runtime.replicas();
        if (replicas.isReplica(alias)) {
            builder.statementInspector((UnaryOperator<String>) sql -> {
                if (Sql.writes(sql)) {
                    throw replicas.refuse(alias, "send \"" + Sql.abbreviate(sql) + "\"");
                }
                return sql;
            });
        } else if (replicas.hasReplicas(alias)) {
            builder.statementInspector((UnaryOperator<String>) sql -> {
                if (transaction != null && transaction.isActive() && Sql.writes(sql)) {
                    transaction.markWritten(alias);
                }
                return sql;
            });
        }
        return builder.openSession();
    }

    /** Replica reads never fill the second-level cache: a replica may be behind its primary. */
    private CacheStoreMode replicaCacheStoreMode(String alias, CacheStoreMode mode) {
        return runtime.replicas().isReplica(alias) ? CacheStoreMode.BYPASS : mode;
    }

    /** The child already open for {@code alias}, or {@code null}; never opens one. */
    Session peek(String alias) {
        return open.get(alias);
    }

    /** The alias whose child manages {@code entity}, or {@code null} when none does. */
    String managing(Object entity) {
        for (int i = 0; i < open.size(); i++) {
            if (open.value(i).contains(entity)) {
                return open.alias(i);
            }
        }
        return null;
    }

    /** The persistence unit's name, for messages. */
    String unitName() {
        return runtime.unitName();
    }

    /** Whether entity managers dropped in a transaction are cleaned up ({@link DroppedEntityManagers}). */
    boolean watchesDroppedEntityManagers() {
        return runtime.watchesDroppedEntityManagers();
    }

    /** Whether no child is open. */
    boolean none() {
        return open.size() == 0;
    }

    /** The aliases of the open children, in the order they were opened or, after a flush, of their names (a copy). */
    List<String> aliases() {
        return open.aliasesBefore(open.size());
    }

    /** Enlists every open child in {@code transaction}, which has just begun. */
    void enlistOpen(MultiDbTransaction transaction) {
        for (int i = 0; i < open.size(); i++) {
            transaction.enlist(open.alias(i), open.value(i));
        }
    }

    /**
     * Flushes every child, in the order of their aliases. When routers are configured, a changed instance whose
     * write alias is not the alias managing it is first moved there ({@link WriteRelocation}), as Django's
     * {@code save()} asks the router on every write.
     */
    void flushAll() {
        if (runtime.relocatesWrites()) {
            WriteRelocation.apply(this, runtime);
        }
        open.sortByAlias();
        for (int i = 0; i < open.size(); i++) {
            open.value(i).flush();
        }
    }

    /** Whether {@code entity}, managed by {@code alias}'s child, has a row already (its insert was sent). */
    boolean existsInDatabase(String alias, Object entity) {
        EntityEntry entry = peek(alias).unwrap(SessionImplementor.class).getPersistenceContextInternal()
                .getEntry(entity);
        return entry == null || entry.isExistsInDatabase();
    }

    void clearAll() {
        for (int i = 0; i < open.size(); i++) {
            if (runtime.tracksInstances()) {
                DetachedProxies.stick(open.alias(i), open.value(i));
            }
            open.value(i).clear();
        }
    }

    /** Closes every child; the first failure is rethrown after all were tried. */
    void closeAll() {
        RuntimeException failure = null;
        for (int i = 0; i < open.size(); i++) {
            try {
                if (closing && !open.value(i).isOpen()) {
                    releaseIfStillConnected(open.value(i));
                    continue; // closed after its transaction, by Hibernate itself
                }
                if (runtime.tracksInstances()) {
                    DetachedProxies.stick(open.alias(i), open.value(i));
                }
                open.value(i).close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (closedChild == null && open.size() > 0) {
            closedChild = open.value(0);
        }
        open.clear();
        closing = false;
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * A child closed with its entity manager closes itself once its transaction completes; when its rollback failed
     * (a broken connection), Hibernate never completes it, and its connection would stay taken: released here.
     */
    private static void releaseIfStillConnected(Session child) {
        if (child instanceof SharedSessionContractImplementor session
                && session.getJdbcCoordinator().getLogicalConnection().isPhysicallyConnected()) {
            session.getJdbcCoordinator().close();
        }
    }

    /** A closed Hibernate session (the first child closed, else a new one of {@code alias}, closed at once). */
    Session closedSession(String alias) {
        if (closedChild == null) {
            closedChild = runtime.sessionFactory(alias).withOptions().tenantIdentifier((Object) alias).openSession();
            closedChild.close();
        }
        return closedChild;
    }

    FlushModeType flushMode() {
        return flushMode;
    }

    void flushMode(FlushModeType mode) {
        this.flushMode = mode;
        for (int i = 0; i < open.size(); i++) {
            open.value(i).setFlushMode(mode);
        }
    }

    CacheRetrieveMode cacheRetrieveMode() {
        return cacheRetrieveMode;
    }

    void cacheRetrieveMode(CacheRetrieveMode mode) {
        this.cacheRetrieveMode = mode;
        for (int i = 0; i < open.size(); i++) {
            open.value(i).setCacheRetrieveMode(mode);
        }
    }

    CacheStoreMode cacheStoreMode() {
        return cacheStoreMode;
    }

    void cacheStoreMode(CacheStoreMode mode) {
        this.cacheStoreMode = mode;
        for (int i = 0; i < open.size(); i++) {
            open.value(i).setCacheStoreMode(replicaCacheStoreMode(open.alias(i), mode));
        }
    }

    void property(String name, Object value) {
        if (properties.isEmpty()) {
            properties = new HashMap<>();
        }
        properties.put(name, value);
        for (int i = 0; i < open.size(); i++) {
            setProperty(open.alias(i), open.value(i), name, value);
        }
    }

    /** Sets a property on a child; a replica's child keeps bypassing the second-level cache. */
    private void setProperty(String alias, Session session, String name, Object value) {
        boolean storeMode = STORE_MODE.equals(name) || LEGACY_STORE_MODE.equals(name);
        session.setProperty(name, storeMode && runtime.replicas().isReplica(alias) ? CacheStoreMode.BYPASS : value);
    }

    Map<String, Object> properties() {
        Map<String, Object> all = new HashMap<>(runtime.lead().getProperties());
        all.putAll(properties);
        return all;
    }
}
