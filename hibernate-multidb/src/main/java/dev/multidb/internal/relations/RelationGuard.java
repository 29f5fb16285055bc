package dev.multidb.internal.relations;

import dev.multidb.CrossDatabaseRelationException;
import dev.multidb.internal.routing.RouterChain;
import dev.multidb.internal.stickiness.StickyAliases;
import org.hibernate.Hibernate;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.PersistContext;
import org.hibernate.event.spi.PersistEvent;
import org.hibernate.event.spi.PersistEventListener;
import org.hibernate.event.spi.PreCollectionRecreateEvent;
import org.hibernate.event.spi.PreCollectionRecreateEventListener;
import org.hibernate.event.spi.PreCollectionUpdateEvent;
import org.hibernate.event.spi.PreCollectionUpdateEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.hibernate.type.Type;

import java.util.Collection;
import java.util.Map;

/**
 * Checks, just before a row is written, that every instance it refers to lives in the same database.
 *
 * <p>It runs in Hibernate's pre-insert, pre-update and pre-collection events, so only what is really
 * written is looked at, with the state Hibernate is about to write. A related instance managed by the
 * same session (the common case) is accepted at once; one stuck to another alias is accepted only
 * within one alias group (a primary and its replicas) or when a router's {@code allowRelation} says so.
 * Otherwise the session is marked for rollback and Django's error is thrown before the statement is
 * sent, so nothing of the unit of work reaches any database.
 *
 * <p>A new instance is also checked when it is persisted, before Hibernate's own persist: Hibernate decides then
 * whether each instance it refers to is transient, and for one it does not manage with an assigned id it asks its
 * own session's database, which for an instance stuck to another alias is the wrong one (the caller would get
 * "unsaved transient instance", and a select would have gone to the wrong database).
 *
 * <p>Stateless sessions are not checked: this library uses them only for the copies a user asks for with
 * {@code using(alias).merge/persist}, which keep ids as they are, references included (Django's
 * {@code save(using=...)} does not check relations either).
 */
public final class RelationGuard implements PreInsertEventListener, PreUpdateEventListener,
        PreCollectionRecreateEventListener, PreCollectionUpdateEventListener, PersistEventListener {

    private static final long serialVersionUID = 1L;

    private final transient RouterChain chain;
    private final transient AliasGroups groups;

    public RelationGuard(RouterChain chain, AliasGroups groups) {
        this.chain = chain;
        this.groups = groups;
    }

    @Override
    public boolean onPreInsert(PreInsertEvent event) {
        checkState(event.getEntity(), event.getState(), event.getPersister().getPropertyTypes(), event.getSession());
        return false;
    }

    @Override
    public boolean onPreUpdate(PreUpdateEvent event) {
        checkState(event.getEntity(), event.getState(), event.getPersister().getPropertyTypes(), event.getSession());
        return false;
    }

    @Override
    public void onPersist(PersistEvent event) {
        checkPersisted(event);
    }

    @Override
    public void onPersist(PersistEvent event, PersistContext createdAlready) {
        checkPersisted(event);
    }

    /** A new instance's references, before Hibernate's persist looks for transient ones (see the class comment). */
    private void checkPersisted(PersistEvent event) {
        Object entity = event.getObject();
        SharedSessionContractImplementor session = event.getSession();
        if (entity == null || entity instanceof HibernateProxy
                || session.getPersistenceContextInternal().isEntryFor(entity)) {
            return;
        }
        EntityPersister persister = session.getFactory().getMappingMetamodel()
                .findEntityDescriptor(Hibernate.getClass(entity));
        if (persister != null) {
            checkState(entity, persister.getValues(entity), persister.getPropertyTypes(), session);
        }
    }

    @Override
    public void onPreRecreateCollection(PreCollectionRecreateEvent event) {
        checkCollection(event);
    }

    @Override
    public void onPreUpdateCollection(PreCollectionUpdateEvent event) {
        checkCollection(event);
    }

    private void checkState(Object owner, Object[] state, Type[] types, SharedSessionContractImplementor session) {
        if (session.isStateless()) {
            return;
        }
        for (int i = 0; i < types.length; i++) {
            if (state[i] != null && types[i].isEntityType()) {
                check(owner, state[i], session);
            }
        }
    }

    private void checkCollection(AbstractCollectionEvent event) {
        if (!event.getCollectionPersister().getElementType().isEntityType()) {
            return;
        }
        PersistentCollection<?> collection = event.getCollection();
        Iterable<?> elements = collection instanceof Map<?, ?> map ? map.values()
                : collection instanceof Collection<?> plain ? plain : null;
        if (elements == null) {
            return;
        }
        SharedSessionContractImplementor session = sessionOf(event);
        if (session == null) {
            return;
        }
        Object owner = event.getAffectedOwnerOrNull();
        for (Object element : elements) {
            if (element != null) {
                check(owner, element, session);
            }
        }
    }

    /** The session of a collection event; {@code null} for a stateless session, which Hibernate does not pass. */
    private static SharedSessionContractImplementor sessionOf(AbstractCollectionEvent event) {
        try {
            return event.getSession();
        } catch (NullPointerException statelessSession) {
            return null;
        }
    }

    private void check(Object owner, Object related, SharedSessionContractImplementor session) {
        if (related instanceof HibernateProxy proxy) {
            if (proxy.getHibernateLazyInitializer().getSession() == session) {
                return;
            }
        } else if (session.getPersistenceContextInternal().isEntryFor(related)) {
            return;
        }
        String alias = session.getTenantIdentifier();
        String relatedAlias = StickyAliases.aliasOf(related);
        if (relatedAlias == null || groups.sameGroup(alias, relatedAlias)) {
            return;
        }
        if (owner != null && chain.allowRelation(owner, related)) {
            return;
        }
        session.markForRollbackOnly();
        throw new CrossDatabaseRelationException("Cannot assign \"" + describe(related, session)
                + "\": the current database router prevents this relation.");
    }

    private static String describe(Object related, SharedSessionContractImplementor session) {
        Class<?> type = Hibernate.getClass(related);
        Object id;
        if (related instanceof HibernateProxy proxy) {
            LazyInitializer initializer = proxy.getHibernateLazyInitializer();
            id = initializer.getInternalIdentifier();
        } else {
            id = session.getFactory().getMappingMetamodel().getEntityDescriptor(type).getIdentifier(related, session);
        }
        return type.getSimpleName() + "#" + id;
    }
}
