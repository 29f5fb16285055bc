package dev.multidb.internal.proxies;

import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;
import org.hibernate.service.spi.ServiceContributor;

import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Registered through {@code META-INF/services}, so Hibernate asks it for every service registry it builds:
 * it acts only for the session factories of a multidb unit (recognised by the connection provider the
 * library gives them) and leaves every other Hibernate bootstrap in the JVM as it is.
 */
public final class AliasNamingContributor implements ServiceContributor {

    /** The setting under which the library passes its connection provider to Hibernate. */
    public static final String CONNECTION_PROVIDER = "hibernate.multi_tenant_connection_provider";

    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        Object provider = builder.getSettings().get(CONNECTION_PROVIDER);
        if (!(provider instanceof MultiTenantConnectionProvider<?>)
                || !provider.getClass().getName().startsWith("dev.multidb.")) {
            return;
        }
        AliasNamingPersisterFactory.register(builder);
        BytecodeProvider standard = standardProvider();
        if (standard != null) {
            builder.addService(BytecodeProvider.class, new AliasNamingBytecodeProvider(standard));
        }
    }

    /** The one bytecode provider Hibernate would pick itself; {@code null} unless there is exactly one. */
    private static BytecodeProvider standardProvider() {
        Iterator<BytecodeProvider> providers =
                ServiceLoader.load(BytecodeProvider.class, BytecodeProvider.class.getClassLoader()).iterator();
        if (!providers.hasNext()) {
            return null;
        }
        BytecodeProvider provider = providers.next();
        return providers.hasNext() ? null : provider;
    }
}
