package dev.multidb.internal.session;

import dev.multidb.internal.stickiness.StickyAliases;
import org.hibernate.Session;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.proxy.HibernateProxy;

import java.util.Map;

/**
 * Records the alias of the uninitialized proxies a session's entities refer to, just before the session
 * lets them go (clear, close). While attached, a proxy answers through its session; once detached it
 * knows no session, and without this record {@code aliasOf} could not tell where it belongs.
 */
final class DetachedProxies {

    private DetachedProxies() {
    }

    static void stick(String alias, Session session) {
        if (!session.isOpen()) {
            return;
        }
        SessionImplementor implementor = session.unwrap(SessionImplementor.class);
        for (Map.Entry<Object, EntityEntry> managed
                : implementor.getPersistenceContextInternal().reentrantSafeEntityEntries()) {
            Object[] state = managed.getValue().getLoadedState();
            if (state == null) {
                continue;
            }
            for (Object value : state) {
                if (value instanceof HibernateProxy proxy && proxy.getHibernateLazyInitializer().isUninitialized()) {
                    StickyAliases.stick(proxy, alias);
                }
            }
        }
    }
}
