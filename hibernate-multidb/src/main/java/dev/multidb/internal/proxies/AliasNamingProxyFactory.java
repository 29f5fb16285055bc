package dev.multidb.internal.proxies;

import org.hibernate.HibernateException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.ProxyConfiguration;
import org.hibernate.proxy.ProxyFactory;
import org.hibernate.proxy.pojo.bytebuddy.ByteBuddyInterceptor;
import org.hibernate.type.CompositeType;

import java.lang.reflect.Method;
import java.util.Set;

/**
 * Hibernate's proxy factory for one entity, whose proxies' interceptor also knows the alias of the session
 * that made them. Proxies of other kinds (another bytecode provider) are left as they are.
 */
final class AliasNamingProxyFactory implements ProxyFactory {

    private final ProxyFactory delegate;
    private String entityName;
    private Class<?> persistentClass;
    private Class<?>[] interfaces;
    private Method getIdentifierMethod;
    private Method setIdentifierMethod;
    private CompositeType componentIdType;
    private boolean overridesEquals;

    AliasNamingProxyFactory(ProxyFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public void postInstantiate(String entityName, Class<?> persistentClass, Set<Class<?>> interfaces,
                                Method getIdentifierMethod, Method setIdentifierMethod,
                                CompositeType componentIdType) throws HibernateException {
        delegate.postInstantiate(entityName, persistentClass, interfaces, getIdentifierMethod, setIdentifierMethod,
                componentIdType);
        this.entityName = entityName;
        this.persistentClass = persistentClass;
        this.interfaces = interfaces.toArray(Class<?>[]::new);
        this.getIdentifierMethod = getIdentifierMethod;
        this.setIdentifierMethod = setIdentifierMethod;
        this.componentIdType = componentIdType;
        this.overridesEquals = overridesEquals(persistentClass);
    }

    @Override
    public HibernateProxy getProxy(Object id, SharedSessionContractImplementor session) throws HibernateException {
        HibernateProxy proxy = delegate.getProxy(id, session);
        ProxyConfiguration configuration = proxy.asProxyConfiguration();
        Object alias = session == null ? null : session.getTenantIdentifierValue();
        if (configuration != null && alias != null && proxy.getHibernateLazyInitializer() instanceof ByteBuddyInterceptor) {
            configuration.$$_hibernate_set_interceptor(new AliasNamingInterceptor(entityName, persistentClass, interfaces,
                    id, getIdentifierMethod, setIdentifierMethod, componentIdType, session, overridesEquals,
                    alias.toString()));
        }
        return proxy;
    }

    private static boolean overridesEquals(Class<?> type) {
        try {
            return type.getMethod("equals", Object.class).getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
