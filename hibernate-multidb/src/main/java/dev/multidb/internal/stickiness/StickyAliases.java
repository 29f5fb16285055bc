package dev.multidb.internal.stickiness;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process-wide record of which alias each entity instance is stuck to.
 *
 * <p>Why process-wide: {@code MultiDb.aliasOf(x)} is static, like Django's {@code x._state.db}, and
 * routers call it with nothing but the instance. Why weak and by identity: an entity may define
 * {@code equals} by id (the same row on two databases would collide) and must be collectable once the
 * application drops it. {@link java.util.WeakHashMap} compares with {@code equals}, so this keeps its own
 * identity-keyed weak references and expunges cleared ones on every write.
 *
 * <p>A Hibernate proxy attached to a session is answered without a lookup: the session's tenant is the
 * alias. A detached proxy is answered from the record of its target, or of the proxy itself.
 */
public final class StickyAliases {

    private static final ConcurrentHashMap<Key, String> ALIASES = new ConcurrentHashMap<>();
    private static final ReferenceQueue<Object> CLEARED = new ReferenceQueue<>();

    private StickyAliases() {
    }

    /** Records that {@code instance} is stuck to {@code alias}. */
    public static void stick(Object instance, String alias) {
        expunge();
        Object target = unproxied(instance);
        if (target != null) {
            ALIASES.put(new Key(target, CLEARED), alias);
        }
    }

    /** The alias {@code instance} is stuck to, or {@code null}. */
    public static String aliasOf(Object instance) {
        if (instance == null) {
            return null;
        }
        if (instance instanceof HibernateProxy proxy) {
            LazyInitializer initializer = proxy.getHibernateLazyInitializer();
            if (!initializer.isUninitialized()) {
                String alias = ALIASES.get(new Lookup(initializer.getImplementation()));
                if (alias != null) {
                    return alias;
                }
            }
            SharedSessionContractImplementor session = initializer.getSession();
            return session == null ? ALIASES.get(new Lookup(proxy)) : session.getTenantIdentifier();
        }
        return ALIASES.get(new Lookup(instance));
    }

    /**
     * {@link #aliasOf}, or, for an instance of a unit that does not track instances (one database), that
     * unit's answer: what the static {@code MultiDb.aliasOf} gives.
     */
    public static String aliasOfAnywhere(Object instance) {
        String alias = aliasOf(instance);
        return alias != null || instance == null ? alias
                : UntrackedUnits.aliasOf(instance, org.hibernate.Hibernate.getClass(instance));
    }

    private static Object unproxied(Object instance) {
        if (instance instanceof HibernateProxy proxy) {
            LazyInitializer initializer = proxy.getHibernateLazyInitializer();
            return initializer.isUninitialized() ? instance : initializer.getImplementation();
        }
        return instance;
    }

    private static void expunge() {
        Object cleared;
        while ((cleared = CLEARED.poll()) != null) {
            ALIASES.remove(cleared);
        }
    }

    /** Stored key: a weak reference compared by the identity of its referent. */
    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (other instanceof Key key) {
                Object referent = get();
                return referent != null && referent == key.get();
            }
            return other instanceof Lookup lookup && lookup.target == get();
        }
    }

    /** Lookup probe: no reference object allocated for reads. */
    private static final class Lookup {
        private final Object target;

        Lookup(Object target) {
            this.target = target;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(target);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.get() == target;
        }
    }
}
