package dev.multidb.internal.session;

import dev.multidb.internal.stickiness.StickyAliases;
import jakarta.persistence.EntityExistsException;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * Copies an instance stuck to one alias onto another with the same id: Django's
 * {@code save(using=...)} ({@code merge}) and {@code save(using=..., force_insert=True)} ({@code persist}).
 *
 * <p>Hibernate's own {@code merge} and {@code persist} cannot do this for generated ids: they would
 * treat the instance as detached and either look for a row that is not there or generate a new id.
 * The row is therefore written by a stateless session that shares the target child's connection and
 * transaction: {@code upsert} writes the given id as is, overwriting a row with that id. The source
 * alias is never touched.
 */
final class CrossDatabaseCopies {

    private CrossDatabaseCopies() {
    }

    static boolean isStuckElsewhere(MultiDbRuntime runtime, Object entity, String alias) {
        if (!runtime.tracksInstances()) {
            return false;
        }
        String stuck = StickyAliases.aliasOf(entity);
        return stuck != null && !stuck.equals(alias);
    }

    /** {@code persist} onto {@code alias}: fails if the row exists there; {@code entity} ends up stuck to it. */
    static void insertCopy(ChildSessions children, String managing, String alias, Object instance) {
        if (managing != null) {
            children.peek(managing).detach(instance);
        }
        Object entity = Hibernate.unproxy(instance);
        Class<?> type = RoutedEntityManager.typeOf(entity);
        Session target = children.get(alias);
        Object id = target.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity);
        if (id == null) {
            target.persist(entity);
            return;
        }
        if (target.find(type, id) != null) {
            throw new EntityExistsException("Cannot persist " + type.getSimpleName() + "#" + id + " on '" + alias
                    + "': a row with that id already exists there. Use using(\"" + alias
                    + "\").merge(...) to overwrite it.");
        }
        upsert(target, alias, entity);
        StickyAliases.stick(entity, alias);
    }

    /** {@code merge} onto {@code alias}: inserts or overwrites; returns the instance managed there. */
    @SuppressWarnings("unchecked")
    static <T> T mergeCopy(ChildSessions children, String alias, T instance) {
        T entity = (T) Hibernate.unproxy(instance);
        Class<T> type = (Class<T>) RoutedEntityManager.typeOf(entity);
        Session target = children.get(alias);
        Object id = target.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity);
        if (id == null) {
            return target.merge(entity);
        }
        T existing = target.find(type, id);
        if (existing != null) {
            writableAgain(target, existing);
            return target.merge(entity);
        }
        upsert(target, alias, entity);
        return target.find(type, id);
    }

    /**
     * An instance removed on another alias before its insert here ran is read-only, so that its later changes
     * are not written (see {@code remove}); a merge onto its row here is a write again.
     */
    private static void writableAgain(Session target, Object existing) {
        if (target.isReadOnly(existing)) {
            EntityEntry entry = target.unwrap(SessionImplementor.class).getPersistenceContextInternal()
                    .getEntry(existing);
            if (entry != null && !entry.isExistsInDatabase()) {
                target.setReadOnly(existing, false);
            }
        }
    }

    private static void upsert(Session target, String alias, Object entity) {
        target.doWork(connection -> {
            try (StatelessSession stateless = target.getSessionFactory().withStatelessOptions()
                    .connection(connection).tenantIdentifier((Object) alias).openStatelessSession()) {
                stateless.upsert(entity);
            }
        });
    }
}
