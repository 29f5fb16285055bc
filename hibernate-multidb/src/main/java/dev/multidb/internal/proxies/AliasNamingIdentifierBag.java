package dev.multidb.internal.proxies;

import org.hibernate.LazyInitializationException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Hibernate's {@code PersistentIdentifierBag}, whose {@code LazyInitializationException} names the alias it was loaded from.
 * Every collection method is guarded by the generated {@code GuardedPersistentIdentifierBag}; {@code LazyCollectionsTest} calls
 * every one of them on a collection of a closed entity manager.
 */
final class AliasNamingIdentifierBag<E> extends GuardedPersistentIdentifierBag<E> {

    private static final long serialVersionUID = 1L;

    private final String alias;

    AliasNamingIdentifierBag(SharedSessionContractImplementor session) {
        super(session);
        this.alias = LazyLoadMessages.aliasOf(session);
    }

    @Override
    protected LazyInitializationException rethrown(LazyInitializationException e) {
        return LazyLoadMessages.named(e, alias);
    }
}
