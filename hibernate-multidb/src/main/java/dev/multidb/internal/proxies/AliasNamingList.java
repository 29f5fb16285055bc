package dev.multidb.internal.proxies;

import org.hibernate.LazyInitializationException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Hibernate's {@code PersistentList}, whose {@code LazyInitializationException} names the alias it was loaded from.
 * Every collection method is guarded by the generated {@code GuardedPersistentList}; {@code LazyCollectionsTest} calls
 * every one of them on a collection of a closed entity manager.
 */
final class AliasNamingList<E> extends GuardedPersistentList<E> {

    private static final long serialVersionUID = 1L;

    private final String alias;

    AliasNamingList(SharedSessionContractImplementor session) {
        super(session);
        this.alias = LazyLoadMessages.aliasOf(session);
    }

    @Override
    protected LazyInitializationException rethrown(LazyInitializationException e) {
        return LazyLoadMessages.named(e, alias);
    }
}
