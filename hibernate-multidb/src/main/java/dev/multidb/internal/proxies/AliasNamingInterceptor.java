package dev.multidb.internal.proxies;

import org.hibernate.LazyInitializationException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.proxy.pojo.bytebuddy.ByteBuddyInterceptor;
import org.hibernate.type.CompositeType;

import java.lang.reflect.Method;

/**
 * Hibernate's proxy interceptor, adding to its {@code LazyInitializationException} the alias whose session
 * made the proxy: the only database the proxy may ever load from.
 */
final class AliasNamingInterceptor extends ByteBuddyInterceptor {

    private static final long serialVersionUID = 1L;

    private final String alias;

    AliasNamingInterceptor(String entityName, Class<?> persistentClass, Class<?>[] interfaces, Object id,
                           Method getIdentifierMethod, Method setIdentifierMethod, CompositeType componentIdType,
                           SharedSessionContractImplementor session, boolean overridesEquals, String alias) {
        super(entityName, persistentClass, interfaces, id, getIdentifierMethod, setIdentifierMethod, componentIdType,
                session, overridesEquals);
        this.alias = alias;
    }

    @Override
    public Object intercept(Object proxy, Method method, Object[] args) throws Throwable {
        try {
            return super.intercept(proxy, method, args);
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    LazyInitializationException named(LazyInitializationException e) {
        return LazyLoadMessages.named(e, alias);
    }
}
