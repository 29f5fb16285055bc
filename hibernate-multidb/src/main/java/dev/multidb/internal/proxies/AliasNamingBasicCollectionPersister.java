package dev.multidb.internal.proxies;

import org.hibernate.cache.spi.access.CollectionDataAccess;
import org.hibernate.collection.spi.CollectionSemantics;
import org.hibernate.mapping.Collection;
import org.hibernate.metamodel.spi.RuntimeModelCreationContext;
import org.hibernate.persister.collection.BasicCollectionPersister;
import org.hibernate.type.CollectionType;

/**
 * Hibernate's persister of element collections and many-to-many associations, whose lazily loaded collections
 * name their alias.
 */
final class AliasNamingBasicCollectionPersister extends BasicCollectionPersister {

    private CollectionSemantics<?, ?> semantics;

    AliasNamingBasicCollectionPersister(Collection collectionBinding, CollectionDataAccess cacheAccessStrategy,
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
