package dev.multidb.conformance;

import dev.multidb.DatabaseRouter;
import dev.multidb.Hints;
import dev.multidb.conformance.model.Item;
import dev.multidb.conformance.model.Owner;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.SharedCacheMode;

import javax.cache.CacheManager;
import javax.cache.Caching;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The units the conformance suite compares: plain Hibernate, and the same entities on hibernate-multidb with
 * one alias, with two aliases and no router, and with two aliases and a router that sends nothing to the
 * second. Each has its own in-memory H2 databases and second-level cache regions.
 */
public enum Side {
    PLAIN, ONE_ALIAS, TWO_ALIASES, TWO_ALIASES_ROUTED;

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** Sends every read and write to 'default'; no opinion on relations. */
    public static final class EverythingOnDefault implements DatabaseRouter {
        @Override
        public String dbForRead(Class<?> entityType, Hints hints) {
            return "default";
        }

        @Override
        public String dbForWrite(Class<?> entityType, Hints hints) {
            return "default";
        }
    }

    /**
     * The factory of this side with a second-level cache of its own (Hibernate closes a factory's JCache cache
     * manager with it: each factory gets its own), and {@code extra} properties.
     */
    public EntityManagerFactory build(String... extra) {
        int number = DATABASES.incrementAndGet();
        CacheManager cacheManager = Caching.getCachingProvider()
                .getCacheManager(URI.create("conformance-" + name() + "-" + number), Side.class.getClassLoader());
        PersistenceConfiguration configuration = uncached(extra)
                .sharedCacheMode(SharedCacheMode.ENABLE_SELECTIVE)
                .property("hibernate.cache.use_second_level_cache", "true")
                .property("hibernate.cache.region.factory_class", "jcache")
                .property("hibernate.javax.cache.cache_manager", cacheManager)
                .property("hibernate.javax.cache.missing_cache_strategy", "create");
        return Persistence.createEntityManagerFactory(configuration);
    }

    /** The factory of this side without a second-level cache, and {@code extra} properties. */
    public EntityManagerFactory buildUncached(String... extra) {
        return Persistence.createEntityManagerFactory(uncached(extra)
                .property("hibernate.cache.use_second_level_cache", "false"));
    }

    private PersistenceConfiguration uncached(String... extra) {
        PersistenceConfiguration configuration = new PersistenceConfiguration("conformance-" + name())
                .managedClass(Item.class)
                .managedClass(Owner.class)
                .property("jakarta.persistence.schema-generation.database.action", "drop-and-create");
        if (this == PLAIN) {
            configuration.provider("org.hibernate.jpa.HibernatePersistenceProvider")
                    .property("jakarta.persistence.jdbc.url", url("plain"));
        } else {
            configuration.provider("dev.multidb.MultiDbPersistenceProvider")
                    .property("multidb.databases.default.url", url("default"));
            if (this != ONE_ALIAS) {
                configuration.property("multidb.databases.other.url", url("other"));
            }
            if (this == TWO_ALIASES_ROUTED) {
                configuration.property("multidb.routers", EverythingOnDefault.class.getName());
            }
        }
        for (int i = 0; i + 1 < extra.length; i += 2) {
            configuration.property(extra[i], extra[i + 1]);
        }
        return configuration;
    }

    private static String url(String name) {
        return "jdbc:h2:mem:conformance-" + name + "-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }

    public boolean multidb() {
        return this != PLAIN;
    }
}
