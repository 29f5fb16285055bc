package dev.multidb.internal.proxies;

import dev.multidb.internal.connections.AliasConnectionProvider;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.service.spi.ServiceContributor;

import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Registered through {@code META-INF/services}, so Hibernate asks it for every service registry it builds:
 * it acts only for the session factories of a multidb unit (recognised by the connection provider the
 * library gives them, an {@link AliasConnectionProvider}) and leaves every other Hibernate bootstrap in the JVM as it is.
 */
public final class AliasNamingContributor implements ServiceContributor {

    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        if (!(builder.getSettings().get(MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER)
                instanceof AliasConnectionProvider)) {
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
