package dev.multidb.internal.proxies;

import org.hibernate.MappingException;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cache.spi.access.CollectionDataAccess;
import org.hibernate.cache.spi.access.EntityDataAccess;
import org.hibernate.cache.spi.access.NaturalIdDataAccess;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.metamodel.spi.RuntimeModelCreationContext;
import org.hibernate.persister.collection.BasicCollectionPersister;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.collection.OneToManyPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.spi.PersisterClassResolver;
import org.hibernate.persister.spi.PersisterFactory;
import org.hibernate.service.spi.ServiceRegistryImplementor;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.Map;

/**
 * Creates persisters as Hibernate does, from the classes Hibernate's {@link PersisterClassResolver} names,
 * except that its two standard collection persisters are replaced by their alias-naming subclasses. A
 * persister class chosen by the application is used as it is.
 */
final class AliasNamingPersisterFactory implements PersisterFactory {

    private final ServiceRegistryImplementor registry;
    private PersisterClassResolver classes;

    AliasNamingPersisterFactory(ServiceRegistryImplementor registry) {
        this.registry = registry;
    }

    /** Registers this factory in place of Hibernate's, for the registry being built. */
    static void register(StandardServiceRegistryBuilder builder) {
        builder.addInitiator(new StandardServiceInitiator<PersisterFactory>() {
            @Override
            public Class<PersisterFactory> getServiceInitiated() {
                return PersisterFactory.class;
            }

            @Override
            public PersisterFactory initiateService(Map<String, Object> settings, ServiceRegistryImplementor registry) {
                return new AliasNamingPersisterFactory(registry);
            }
        });
    }

    private PersisterClassResolver classes() {
        if (classes == null) {
            classes = registry.getService(PersisterClassResolver.class);
        }
        return classes;
    }

    @Override
    public EntityPersister createEntityPersister(PersistentClass entityBinding, EntityDataAccess entityCacheAccess,
                                                 NaturalIdDataAccess naturalIdCacheAccess,
                                                 RuntimeModelCreationContext creationContext) {
        Class<? extends EntityPersister> type = classes().getEntityPersisterClass(entityBinding);
        return create(type, entityBinding.getEntityName(), new Class<?>[] {PersistentClass.class,
                        EntityDataAccess.class, NaturalIdDataAccess.class, RuntimeModelCreationContext.class},
                entityBinding, entityCacheAccess, naturalIdCacheAccess, creationContext);
    }

    @Override
    public CollectionPersister createCollectionPersister(Collection collectionBinding,
                                                         CollectionDataAccess cacheAccessStrategy,
                                                         RuntimeModelCreationContext creationContext) {
        Class<? extends CollectionPersister> type = classes().getCollectionPersisterClass(collectionBinding);
        if (type == OneToManyPersister.class) {
            return new AliasNamingOneToManyPersister(collectionBinding, cacheAccessStrategy, creationContext);
        }
        if (type == BasicCollectionPersister.class) {
            return new AliasNamingBasicCollectionPersister(collectionBinding, cacheAccessStrategy, creationContext);
        }
        return create(type, collectionBinding.getRole(), new Class<?>[] {Collection.class, CollectionDataAccess.class,
                RuntimeModelCreationContext.class}, collectionBinding, cacheAccessStrategy, creationContext);
    }

    private static <T> T create(Class<T> type, String name, Class<?>[] parameters, Object... arguments) {
        Constructor<T> constructor;
        try {
            constructor = type.getConstructor(parameters);
        } catch (NoSuchMethodException e) {
            throw new MappingException("Persister class " + type.getName() + " of '" + name
                    + "' has no public constructor taking " + Arrays.toString(parameters), e);
        }
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getTargetException();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new MappingException("Could not create persister " + type.getName() + " of '" + name + "'", cause);
        } catch (ReflectiveOperationException e) {
            throw new MappingException("Could not create persister " + type.getName() + " of '" + name + "'", e);
        }
    }
}
