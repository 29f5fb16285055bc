package dev.multidb.it.replicas;

import org.hibernate.boot.spi.SessionFactoryOptions;
import org.hibernate.cache.cfg.spi.DomainDataRegionBuildingContext;
import org.hibernate.cache.cfg.spi.DomainDataRegionConfig;
import org.hibernate.cache.spi.support.DomainDataStorageAccess;
import org.hibernate.cache.spi.support.RegionFactoryTemplate;
import org.hibernate.cache.spi.support.StorageAccess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A second-level cache in a map, built on Hibernate's public cache SPI, that records the tenant (in
 * hibernate-multidb: the alias) of every session that puts an entry into it. The integration tests have
 * no cache provider on their class path; this one is enough to show whether a replica's session ever
 * fills the cache.
 */
public final class RecordingRegionFactory extends RegionFactoryTemplate {

    private static final long serialVersionUID = 1L;

    /** The tenant of each put, in order, across every factory using this region factory. */
    static final List<String> PUT_TENANTS = new CopyOnWriteArrayList<>();

    @Override
    protected void prepareForUse(SessionFactoryOptions settings, Map<String, Object> configValues) {
    }

    @Override
    protected void releaseFromUse() {
    }

    @Override
    protected DomainDataStorageAccess createDomainDataStorageAccess(DomainDataRegionConfig regionConfig,
            DomainDataRegionBuildingContext buildingContext) {
        return new MapStorage(true);
    }

    @Override
    protected StorageAccess createQueryResultsRegionStorageAccess(String regionName,
            SessionFactoryImplementor sessionFactory) {
        return new MapStorage(false);
    }

    @Override
    protected StorageAccess createTimestampsRegionStorageAccess(String regionName,
            SessionFactoryImplementor sessionFactory) {
        return new MapStorage(false);
    }

    private static final class MapStorage implements DomainDataStorageAccess {
        private final Map<Object, Object> entries = new ConcurrentHashMap<>();
        private final boolean recorded;

        MapStorage(boolean recorded) {
            this.recorded = recorded;
        }

        @Override
        public Object getFromCache(Object key, SharedSessionContractImplementor session) {
            return entries.get(key);
        }

        @Override
        public void putIntoCache(Object key, Object value, SharedSessionContractImplementor session) {
            if (recorded) {
                PUT_TENANTS.add(String.valueOf(session.getTenantIdentifierValue()));
            }
            entries.put(key, value);
        }

        @Override
        public boolean contains(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public void evictData() {
            entries.clear();
        }

        @Override
        public void evictData(Object key) {
            entries.remove(key);
        }

        @Override
        public void removeFromCache(Object key, SharedSessionContractImplementor session) {
            entries.remove(key);
        }

        @Override
        public void clearCache(SharedSessionContractImplementor session) {
            entries.clear();
        }

        @Override
        public void release() {
            entries.clear();
        }
    }
}
