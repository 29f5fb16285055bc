package dev.multidb.internal.listeners;

import dev.multidb.internal.bootstrap.BootContext;
import dev.multidb.internal.bootstrap.UnitService;
import dev.multidb.internal.relations.RelationGuard;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;

/**
 * Registers the listener layer on session factories built by this library, in the manner of Envers'
 * integrator: found through {@code META-INF/services}, it appends its listeners and does nothing at
 * all for a session factory whose {@link UnitService} holds no {@link BootContext} (a plain Hibernate unit in the
 * same application). A unit with a single database (replicas aside) needs no listener: nothing can be
 * stuck elsewhere or related across databases, and loading stays exactly as fast as plain Hibernate.
 */
public final class MultiDbIntegrator implements org.hibernate.integrator.spi.Integrator {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MultiDbIntegrator.class);

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
                          SessionFactoryImplementor sessionFactory) {
        UnitService unit = bootstrapContext.getServiceRegistry().getService(UnitService.class);
        BootContext bootContext = unit == null ? null : unit.context();
        if (bootContext == null) {
            LOG.debug("Session factory '{}' is not one of a hibernate-multidb unit: no listener registered",
                    sessionFactory.getName());
            return;
        }
        if (bootContext.tracksInstances()) {
            EventListenerRegistry registry = sessionFactory.getServiceRegistry()
                    .requireService(EventListenerRegistry.class);
            StickinessListener stickiness = new StickinessListener();
            registry.appendListeners(EventType.POST_LOAD, stickiness);
            registry.appendListeners(EventType.POST_INSERT, stickiness);
            registry.appendListeners(EventType.POST_UPDATE, stickiness);
            RelationGuard guard = bootContext.relationGuard();
            registry.prependListeners(EventType.PERSIST, guard);
            registry.prependListeners(EventType.PERSIST_ONFLUSH, guard);
            registry.appendListeners(EventType.PRE_INSERT, guard);
            registry.appendListeners(EventType.PRE_UPDATE, guard);
            registry.appendListeners(EventType.PRE_COLLECTION_RECREATE, guard);
            registry.appendListeners(EventType.PRE_COLLECTION_UPDATE, guard);
        }
        bootContext.integrated(sessionFactory, metadata);
    }
}
