package dev.multidb.internal.proxies;

import org.hibernate.LazyInitializationException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Hibernate's {@code PersistentSet}, whose {@code LazyInitializationException} names the alias it was loaded from.
 * Every collection method is guarded by the generated {@code GuardedPersistentSet}; {@code LazyCollectionsTest} calls
 * every one of them on a collection of a closed entity manager.
 */
final class AliasNamingSet<E> extends GuardedPersistentSet<E> {

    private static final long serialVersionUID = 1L;

    private final String alias;

    AliasNamingSet(SharedSessionContractImplementor session) {
        super(session);
        this.alias = LazyLoadMessages.aliasOf(session);
    }

    @Override
    protected LazyInitializationException rethrown(LazyInitializationException e) {
        return LazyLoadMessages.named(e, alias);
    }
}
