package dev.multidb.internal.bootstrap;

import dev.multidb.internal.relations.RelationGuard;
import org.hibernate.boot.Metadata;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * What the library tells the Hibernate bootstrap of each session factory it builds: given in that bootstrap's
 * settings only, offered by the {@link UnitService} of its service registry, read by {@code MultiDbIntegrator}
 * (which registers the listeners it asks for and hands back the boot metamodel: schema generation per alias and
 * metamodel validation need it, and Hibernate offers no other public way to reach it once the factory exists).
 */
public final class BootContext {

    /** The settings key under which the context reaches {@link UnitService}. */
    public static final String SETTING = "dev.multidb.internal.boot-context";

    private final RelationGuard relationGuard;
    private volatile Metadata metadata;
    private volatile SessionFactoryImplementor sessionFactory;

    /**
     * @param relationGuard the flush-time relation check, or {@code null} when the unit has a single
     *                      database (with or without replicas): then no relation can cross databases and
     *                      instances are not tracked one by one
     */
    public BootContext(RelationGuard relationGuard) {
        this.relationGuard = relationGuard;
    }

    /** Whether instances are tracked (stickiness) and relations checked: more than one database. */
    public boolean tracksInstances() {
        return relationGuard != null;
    }

    /** The flush-time relation check the integrator registers. */
    public RelationGuard relationGuard() {
        return relationGuard;
    }

    /** Called by the integrator while Hibernate builds the session factory. */
    public void integrated(SessionFactoryImplementor sessionFactory, Metadata metadata) {
        this.sessionFactory = sessionFactory;
        this.metadata = metadata;
    }

    Metadata metadata() {
        return metadata;
    }

    SessionFactoryImplementor sessionFactory() {
        return sessionFactory;
    }
}
