package dev.multidb.internal.proxies;

import org.hibernate.cache.spi.access.CollectionDataAccess;
import org.hibernate.collection.spi.CollectionSemantics;
import org.hibernate.mapping.Collection;
import org.hibernate.metamodel.spi.RuntimeModelCreationContext;
import org.hibernate.persister.collection.OneToManyPersister;
import org.hibernate.type.CollectionType;

/** Hibernate's one-to-many persister, whose lazily loaded collections name their alias. */
final class AliasNamingOneToManyPersister extends OneToManyPersister {

    private CollectionSemantics<?, ?> semantics;

    AliasNamingOneToManyPersister(Collection collectionBinding, CollectionDataAccess cacheAccessStrategy,
                                         RuntimeModelCreationContext creationContext) {
        super(collectionBinding, cacheAccessStrategy, creationContext);
    }

    @Override
    public CollectionSemantics<?, ?> getCollectionSemantics() {
        if (semantics == null) {
            CollectionType type = getCollectionType();
            if (type == null) {
                return super.getCollectionSemantics();   // still being constructed
            }
            semantics = AliasNamingSemantics.of(super.getCollectionSemantics(), type);
        }
        return semantics;
    }
}
