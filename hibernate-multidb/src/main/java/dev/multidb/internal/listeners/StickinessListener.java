package dev.multidb.internal.listeners;

import dev.multidb.internal.stickiness.StickyAliases;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Sticks each instance to the alias of the session that loaded, inserted or updated it: the session's
 * tenant identifier is its alias.
 */
final class StickinessListener implements PostLoadEventListener, PostInsertEventListener,
        PostUpdateEventListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void onPostLoad(PostLoadEvent event) {
        StickyAliases.stick(event.getEntity(), event.getSession().getTenantIdentifier());
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        StickyAliases.stick(event.getEntity(), event.getSession().getTenantIdentifier());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        StickyAliases.stick(event.getEntity(), event.getSession().getTenantIdentifier());
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }
}
