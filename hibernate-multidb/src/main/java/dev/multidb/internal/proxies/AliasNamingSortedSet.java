package dev.multidb.internal.proxies;

import org.hibernate.LazyInitializationException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.util.Comparator;

/**
 * Hibernate's {@code PersistentSortedSet}, whose {@code LazyInitializationException} names the alias it was loaded from.
 * Every collection method is guarded by the generated {@code GuardedPersistentSortedSet}; {@code LazyCollectionsTest} calls
 * every one of them on a collection of a closed entity manager.
 */
final class AliasNamingSortedSet<E> extends GuardedPersistentSortedSet<E> {

    private static final long serialVersionUID = 1L;

    private final String alias;

    AliasNamingSortedSet(SharedSessionContractImplementor session, Comparator<E> comparator) {
        super(session, comparator);
        this.alias = LazyLoadMessages.aliasOf(session);
    }

    @Override
    protected LazyInitializationException rethrown(LazyInitializationException e) {
        return LazyLoadMessages.named(e, alias);
    }
}
