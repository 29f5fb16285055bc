package dev.multidb.internal.config;

import dev.multidb.DatabaseRouter;
import dev.multidb.Hints;

/** Small routers for the tests of {@code multidb.routers}. */
final class TestRouters {

    private TestRouters() {
    }

    /** Sends everything to 'users'. */
    public static class UsersRouter implements DatabaseRouter {
        @Override
        public String dbForRead(Class<?> entityType, Hints hints) {
            return "users";
        }
    }

    /** Has no opinion on anything. */
    public static class NeutralRouter implements DatabaseRouter {
    }

    /** Needs an argument, so it cannot be listed by name. */
    public static class ConfiguredRouter implements DatabaseRouter {
        public ConfiguredRouter(String alias) {
        }
    }

    /** Fails while being created. */
    public static class FailingRouter implements DatabaseRouter {
        public FailingRouter() {
            throw new IllegalStateException("no shard map");
        }
    }

    /** Cannot be instantiated. */
    public abstract static class AbstractRouter implements DatabaseRouter {
    }

    /** Not a router at all. */
    public static class NotARouter {
    }
}
