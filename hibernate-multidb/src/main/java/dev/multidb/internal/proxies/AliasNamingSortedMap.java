package dev.multidb.internal.proxies;

import org.hibernate.LazyInitializationException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.util.Comparator;

/**
 * Hibernate's {@code PersistentSortedMap}, whose {@code LazyInitializationException} names the alias it was loaded from.
 * Every collection method is guarded by the generated {@code GuardedPersistentSortedMap}; {@code LazyCollectionsTest} calls
 * every one of them on a collection of a closed entity manager.
 */
final class AliasNamingSortedMap<K, E> extends GuardedPersistentSortedMap<K, E> {

    private static final long serialVersionUID = 1L;

    private final String alias;

    AliasNamingSortedMap(SharedSessionContractImplementor session, Comparator<K> comparator) {
        super(session, comparator);
        this.alias = LazyLoadMessages.aliasOf(session);
    }

    @Override
    protected LazyInitializationException rethrown(LazyInitializationException e) {
        return LazyLoadMessages.named(e, alias);
    }
}
