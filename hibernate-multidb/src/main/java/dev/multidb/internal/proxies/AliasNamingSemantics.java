package dev.multidb.internal.proxies;

import org.hibernate.collection.spi.CollectionInitializerProducer;
import org.hibernate.collection.spi.CollectionSemantics;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.CollectionClassification;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.spi.NavigablePath;
import org.hibernate.sql.results.graph.DomainResultCreationState;
import org.hibernate.sql.results.graph.Fetch;
import org.hibernate.sql.results.graph.FetchParent;
import org.hibernate.type.BagType;
import org.hibernate.type.CollectionType;
import org.hibernate.type.IdentifierBagType;
import org.hibernate.type.ListType;
import org.hibernate.type.MapType;
import org.hibernate.type.OrderedMapType;
import org.hibernate.type.OrderedSetType;
import org.hibernate.type.SetType;
import org.hibernate.type.SortedMapType;
import org.hibernate.type.SortedSetType;

import java.util.Comparator;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * A collection's semantics as Hibernate resolved them, except that the wrapper of a collection loaded lazily
 * is the alias-naming subclass of the same Hibernate class. Only Hibernate's own collection types are
 * replaced (a user's {@code UserCollectionType} keeps its wrappers), and only for a session with a tenant,
 * which every child session of a multidb unit has. Wrapping a collection the application created (on
 * persist) is left to Hibernate: such a collection is initialized and never loads.
 */
final class AliasNamingSemantics<CE, E> implements CollectionSemantics<CE, E> {

    private final CollectionSemantics<CE, E> delegate;
    private final Kind kind;

    private enum Kind { BAG, ID_BAG, LIST, SET, SORTED_SET, MAP, SORTED_MAP }

    private AliasNamingSemantics(CollectionSemantics<CE, E> delegate, Kind kind) {
        this.delegate = delegate;
        this.kind = kind;
    }

    /** {@code semantics} itself when its collection type is not one of Hibernate's own. */
    @SuppressWarnings("unchecked")
    static <CE, E> CollectionSemantics<CE, E> of(CollectionSemantics<CE, E> semantics, CollectionType type) {
        Kind kind = kindOf(type);
        return kind == null ? semantics : new AliasNamingSemantics<>(semantics, kind);
    }

    private static Kind kindOf(CollectionType type) {
        Class<?> typeClass = type == null ? null : type.getClass();
        if (typeClass == BagType.class) {
            return Kind.BAG;
        } else if (typeClass == IdentifierBagType.class) {
            return Kind.ID_BAG;
        } else if (typeClass == ListType.class) {
            return Kind.LIST;
        } else if (typeClass == SetType.class || typeClass == OrderedSetType.class) {
            return Kind.SET;
        } else if (typeClass == SortedSetType.class) {
            return Kind.SORTED_SET;
        } else if (typeClass == MapType.class || typeClass == OrderedMapType.class) {
            return Kind.MAP;
        } else if (typeClass == SortedMapType.class) {
            return Kind.SORTED_MAP;
        }
        return null;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public PersistentCollection<E> instantiateWrapper(Object key, CollectionPersister persister,
                                                      SharedSessionContractImplementor session) {
        if (LazyLoadMessages.aliasOf(session) == null) {
            return delegate.instantiateWrapper(key, persister, session);
        }
        Comparator comparator = persister.getSortingComparator();
        return switch (kind) {
            case BAG -> new AliasNamingBag<>(session);
            case ID_BAG -> new AliasNamingIdentifierBag<>(session);
            case LIST -> new AliasNamingList<>(session);
            case SET -> new AliasNamingSet<>(session);
            case SORTED_SET -> new AliasNamingSortedSet<>(session, comparator);
            case MAP -> (PersistentCollection<E>) new AliasNamingMap<>(session);
            case SORTED_MAP -> (PersistentCollection<E>) new AliasNamingSortedMap<>(session, comparator);
        };
    }

    @Override
    public PersistentCollection<E> wrap(CE rawCollection, CollectionPersister persister,
                                        SharedSessionContractImplementor session) {
        return delegate.wrap(rawCollection, persister, session);
    }

    @Override
    public CollectionClassification getCollectionClassification() {
        return delegate.getCollectionClassification();
    }

    @Override
    public Class<?> getCollectionJavaType() {
        return delegate.getCollectionJavaType();
    }

    @Override
    public CE instantiateRaw(int anticipatedSize, CollectionPersister collectionDescriptor) {
        return delegate.instantiateRaw(anticipatedSize, collectionDescriptor);
    }

    @Override
    public Iterator<E> getElementIterator(CE rawCollection) {
        return delegate.getElementIterator(rawCollection);
    }

    @Override
    public void visitElements(CE rawCollection, Consumer<? super E> action) {
        delegate.visitElements(rawCollection, action);
    }

    @Override
    public CollectionInitializerProducer createInitializerProducer(NavigablePath navigablePath,
            PluralAttributeMapping attributeMapping, FetchParent fetchParent, boolean selected, String resultVariable,
            DomainResultCreationState creationState) {
        return delegate.createInitializerProducer(navigablePath, attributeMapping, fetchParent, selected,
                resultVariable, creationState);
    }

    @Override
    public CollectionInitializerProducer createInitializerProducer(NavigablePath navigablePath,
            PluralAttributeMapping attributeMapping, FetchParent fetchParent, boolean selected, String resultVariable,
            Fetch indexFetch, Fetch elementFetch, DomainResultCreationState creationState) {
        return delegate.createInitializerProducer(navigablePath, attributeMapping, fetchParent, selected,
                resultVariable, indexFetch, elementFetch, creationState);
    }
}
