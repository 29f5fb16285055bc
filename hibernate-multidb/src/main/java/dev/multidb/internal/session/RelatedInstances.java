package dev.multidb.internal.session;

import dev.multidb.internal.stickiness.StickyAliases;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.Type;

/** Reads an entity's to-one references through its Hibernate persister. */
final class RelatedInstances {

    private RelatedInstances() {
    }

    /** The first instance {@code entity} refers to (many-to-one, one-to-one) that is stuck to an alias. */
    static Object firstStuck(SessionFactoryImplementor factory, Object entity) {
        EntityPersister persister = factory.getMappingMetamodel().findEntityDescriptor(entity.getClass());
        if (persister == null) {
            return null;
        }
        Type[] types = persister.getPropertyTypes();
        Object[] values = null;
        for (int i = 0; i < types.length; i++) {
            if (types[i].isEntityType()) {
                if (values == null) {
                    values = persister.getValues(entity);
                }
                if (values[i] != null && StickyAliases.aliasOf(values[i]) != null) {
                    return values[i];
                }
            }
        }
        return null;
    }
}
