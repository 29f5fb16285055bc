package dev.multidb.internal.routing;

import dev.multidb.Database;
import dev.multidb.DatabaseRouter;
import dev.multidb.Hints;
import java.lang.reflect.Proxy;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;

/** Small entities, routers and a stickiness stub shared by the routing tests. */
final class Fixtures {

    private Fixtures() {
    }

    static final Set<String> DEFAULT_AND_OTHER = Set.of("default", "other");

    /** An unpinned entity. */
    static class Book {
    }

    /** Another unpinned entity. */
    static class Person {
    }

    @Database("users")
    static class Account {
    }

    /** Inherits {@code @Database("users")} from {@link Account}. */
    static class AdminAccount extends Account {
    }

    @Database("other")
    static class Archive {
    }

    @Database("nosuch")
    static class Misconfigured {
    }

    /** Which alias each instance is stuck to, like Django's {@code _state.db}. */
    static final class Stickiness {
        final Map<Object, String> stuck = new IdentityHashMap<>();

        <T> T stick(T instance, String alias) {
            stuck.put(instance, alias);
            return instance;
        }

        String of(Object instance) {
            return stuck.get(instance);
        }
    }

    static RouterChain chain(Set<String> aliases, DatabaseRouter... routers) {
        return new RouterChain(List.of(routers), aliases, instance -> null);
    }

    /** Sends reads and writes of one type to one alias, nothing else. */
    static DatabaseRouter sending(Class<?> type, String alias) {
        return new TypeRouter(type, alias);
    }

    static final class TypeRouter implements DatabaseRouter {
        private final Class<?> type;
        private final String alias;

        TypeRouter(Class<?> type, String alias) {
            this.type = type;
            this.alias = alias;
        }

        @Override
        public String dbForRead(Class<?> entityType, Hints hints) {
            return entityType == type ? alias : null;
        }

        @Override
        public String dbForWrite(Class<?> entityType, Hints hints) {
            return entityType == type ? alias : null;
        }
    }

    /** A Hibernate proxy standing for an entity of {@code persistentClass}, as a lazy association would hold. */
    static HibernateProxy proxyOf(Class<?> persistentClass) {
        LazyInitializer lazy = (LazyInitializer) Proxy.newProxyInstance(Fixtures.class.getClassLoader(),
                new Class<?>[] {LazyInitializer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getPersistentClass")) {
                        return persistentClass;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new TestProxy(lazy);
    }

    static final class TestProxy implements HibernateProxy {
        private static final long serialVersionUID = 1L;
        private final transient LazyInitializer lazy;

        TestProxy(LazyInitializer lazy) {
            this.lazy = lazy;
        }

        @Override
        public Object writeReplace() {
            return this;
        }

        @Override
        public LazyInitializer getHibernateLazyInitializer() {
            return lazy;
        }
    }
}
