package dev.multidb.internal.session;

import dev.multidb.internal.stickiness.StickyAliases;
import jakarta.persistence.EntityExistsException;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.CollectionType;
import org.hibernate.type.Type;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Copies an instance stuck to one alias onto another with the same id: Django's
 * {@code save(using=...)} ({@code merge}) and {@code save(using=..., force_insert=True)} ({@code persist}).
 *
 * <p>Hibernate's own {@code merge} and {@code persist} cannot do this for generated ids: they would
 * treat the instance as detached and either look for a row that is not there or generate a new id.
 * The row is therefore written by a stateless session that shares the target child's connection and
 * transaction: {@code upsert} writes the given id as is, overwriting a row with that id. A row that exists
 * on the target already is overwritten through its managed instance, columns only. The source alias is never
 * touched.
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
            overwrite(target, Hibernate.unproxy(existing), entity);
            return existing;
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

    /**
     * Copies {@code source}'s own state (its columns: basic values, embeddables, to-one references) onto the
     * instance {@code managed} by the target child, to be written at its flush as Hibernate's merge would. Collections
     * are left as the target has them: they are rows of other tables, here the source alias's (a detached
     * collection's elements may not exist on the target at all), and Django's {@code save(using=...)} writes only the
     * row too.
     */
    private static void overwrite(Session target, Object managed, Object source) {
        SessionImplementor session = target.unwrap(SessionImplementor.class);
        EntityPersister persister = session.getEntityPersister(null, managed);
        Object[] copied = persister.getValues(source);
        Object[] values = persister.getValues(managed);
        Type[] types = persister.getPropertyTypes();
        Map<Object, Object> copies = new IdentityHashMap<>();
        for (int i = 0; i < types.length; i++) {
            if (!types[i].isCollectionType()) {
                values[i] = types[i].replace(copied[i], values[i], session, managed, copies);
            }
        }
        persister.setValues(managed, values);
    }

    private static void upsert(Session target, String alias, Object entity) {
        Object row = columnsOnly(target, entity);
        target.doWork(connection -> {
            try (StatelessSession stateless = target.getSessionFactory().withStatelessOptions()
                    .connection(connection).tenantIdentifier((Object) alias).openStatelessSession()) {
                stateless.upsert(row);
            }
        });
    }

    /**
     * What a stateless {@code upsert} of the copy gets: {@code entity} itself when it has no collections, else a new
     * instance with its columns and empty collections, so that the upsert writes the row alone (it would write the
     * join rows of an owned collection, whose elements may not exist on the target).
     */
    private static Object columnsOnly(Session target, Object entity) {
        SessionImplementor session = target.unwrap(SessionImplementor.class);
        EntityPersister persister = session.getEntityPersister(null, entity);
        if (!persister.hasCollections()) {
            return entity;
        }
        Object[] values = persister.getValues(entity);
        Type[] types = persister.getPropertyTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i] instanceof CollectionType collection) {
                values[i] = collection.instantiate(0); // empty: the upsert writes no element rows
            }
        }
        Object copy = persister.instantiate(persister.getIdentifier(entity, session), session);
        persister.setValues(copy, values);
        return copy;
    }
}
