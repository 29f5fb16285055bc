package dev.multidb.internal.session;

import jakarta.persistence.Cache;
import org.hibernate.cache.spi.access.EntityDataAccess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * The factory's {@link Cache}: the second-level cache of every alias. Each alias's entries are stored under the
 * alias as Hibernate's tenant identifier, which Hibernate's own {@code Cache} does not name: {@link #contains} and
 * {@link #evict(Class, Object)} look up the entry of every alias, the other operations clear whole regions of
 * every session factory.
 */
final class MultiDbCache implements Cache {

    private final MultiDbRuntime runtime;

    MultiDbCache(MultiDbRuntime runtime) {
        this.runtime = runtime;
    }

    /** Whether any alias's cache holds the entity of {@code type} with {@code id}. */
    @Override
    public boolean contains(Class<?> type, Object id) {
        for (String alias : runtime.aliases()) {
            EntityDataAccess access = access(alias, type);
            if (access != null && access.contains(key(alias, type, id, access))) {
                return true;
            }
        }
        return false;
    }

    /** Evicts the entity of {@code type} with {@code id} from every alias's cache. */
    @Override
    public void evict(Class<?> type, Object id) {
        for (String alias : runtime.aliases()) {
            EntityDataAccess access = access(alias, type);
            if (access != null) {
                access.evict(key(alias, type, id, access));
            }
        }
    }

    @Override
    public void evict(Class<?> type) {
        for (SessionFactoryImplementor factory : runtime.sessionFactories()) {
            factory.getCache().evict(type);
        }
    }

    @Override
    public void evictAll() {
        for (SessionFactoryImplementor factory : runtime.sessionFactories()) {
            factory.getCache().evictAll();
        }
    }

    /** Unwraps as this cache, or as the lead session factory's (Hibernate's {@code org.hibernate.Cache}). */
    @Override
    public <T> T unwrap(Class<T> type) {
        return type.isInstance(this) ? type.cast(this) : runtime.lead().getCache().unwrap(type);
    }

    private EntityDataAccess access(String alias, Class<?> type) {
        return persister(alias, type).getCacheAccessStrategy();
    }

    /** Hibernate's descriptor of {@code type}; an unknown type fails as in Hibernate's own cache. */
    private EntityPersister persister(String alias, Class<?> type) {
        return runtime.sessionFactory(alias).getMappingMetamodel().getEntityDescriptor(type);
    }

    private Object key(String alias, Class<?> type, Object id, EntityDataAccess access) {
        EntityPersister persister = persister(alias, type);
        Object coerced = persister.getIdentifierMapping().getJavaType().coerce(id);
        return access.generateCacheKey(coerced, persister.getRootEntityDescriptor().getEntityPersister(),
                runtime.sessionFactory(alias), alias);
    }
}
