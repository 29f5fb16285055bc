package dev.multidb.internal.proxies;

import org.hibernate.bytecode.enhance.spi.EnhancementContext;
import org.hibernate.bytecode.enhance.spi.Enhancer;
import org.hibernate.bytecode.spi.BasicProxyFactory;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.bytecode.spi.ProxyFactoryFactory;
import org.hibernate.bytecode.spi.ReflectionOptimizer;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.property.access.spi.PropertyAccess;
import org.hibernate.proxy.ProxyFactory;

import java.util.Map;

/** Hibernate's bytecode provider, whose entity proxy factories name the alias of their proxies. */
final class AliasNamingBytecodeProvider implements BytecodeProvider {

    private final BytecodeProvider delegate;
    private final ProxyFactoryFactory proxyFactoryFactory;

    AliasNamingBytecodeProvider(BytecodeProvider delegate) {
        this.delegate = delegate;
        ProxyFactoryFactory standard = delegate.getProxyFactoryFactory();
        this.proxyFactoryFactory = new ProxyFactoryFactory() {
            @Override
            public ProxyFactory buildProxyFactory(SessionFactoryImplementor sessionFactory) {
                return new AliasNamingProxyFactory(standard.buildProxyFactory(sessionFactory));
            }

            @Override
            @SuppressWarnings("rawtypes")
            public BasicProxyFactory buildBasicProxyFactory(Class superClassOrInterface) {
                return standard.buildBasicProxyFactory(superClassOrInterface);
            }
        };
    }

    @Override
    public ProxyFactoryFactory getProxyFactoryFactory() {
        return proxyFactoryFactory;
    }

    @Override
    @SuppressWarnings({"rawtypes", "removal"})
    public ReflectionOptimizer getReflectionOptimizer(Class clazz, String[] getterNames, String[] setterNames,
                                                      Class[] types) {
        return delegate.getReflectionOptimizer(clazz, getterNames, setterNames, types);
    }

    @Override
    @SuppressWarnings("removal")
    public ReflectionOptimizer getReflectionOptimizer(Class<?> clazz, Map<String, PropertyAccess> propertyAccessMap) {
        return delegate.getReflectionOptimizer(clazz, propertyAccessMap);
    }

    @Override
    public Enhancer getEnhancer(EnhancementContext enhancementContext) {
        return delegate.getEnhancer(enhancementContext);
    }

    @Override
    public void resetCaches() {
        delegate.resetCaches();
    }
}
