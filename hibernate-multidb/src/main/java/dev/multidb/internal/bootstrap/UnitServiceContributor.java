package dev.multidb.internal.bootstrap;

import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.service.spi.ServiceContributor;

/**
 * Registered through {@code META-INF/services}, so Hibernate asks it for every service registry it builds: it adds
 * the {@link UnitService}, holding the {@link BootContext} of a session factory the library builds, and holding
 * nothing for any other bootstrap in the JVM (which the library's integrator and contributors then leave alone).
 */
public final class UnitServiceContributor implements ServiceContributor {

    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        Object context = builder.getSettings().get(BootContext.SETTING);
        builder.addService(UnitService.class, new UnitService(context instanceof BootContext boot ? boot : null));
    }
}
