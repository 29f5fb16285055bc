package dev.multidb.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.DatabaseRouter;
import dev.multidb.Hints;
import dev.multidb.internal.routing.Fixtures.Stickiness;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Django's {@code tests/multiple_database} routers ({@code routers.py}) and
 * {@code RouterTestCase.test_partial_router} / {@code test_migrate_selection}, ported.
 */
class DjangoRouterTestCaseTest {

    private static final Set<String> ALIASES = Set.of("default", "other", "writer");

    /** An entity of Django's {@code auth} app. */
    static final class User {
    }

    /** An entity of the {@code multiple_database} test app. */
    static final class Book {
    }

    private static String appOf(Object entityOrType) {
        Class<?> type = entityOrType instanceof Class<?> c ? c : entityOrType.getClass();
        return type == User.class ? "auth" : "multiple_database";
    }

    /** "Vaguely primary/replica": reads from {@code other}, writes to {@code default}. */
    static final class TestRouter implements DatabaseRouter {
        private final Stickiness stickiness;

        TestRouter(Stickiness stickiness) {
            this.stickiness = stickiness;
        }

        @Override
        public String dbForRead(Class<?> entityType, Hints hints) {
            String stuck = hints.instance() == null ? null : stickiness.of(hints.instance());
            return stuck != null ? stuck : "other";
        }

        @Override
        public String dbForWrite(Class<?> entityType, Hints hints) {
            return "default";
        }

        @Override
        public Boolean allowRelation(Object a, Object b, Hints hints) {
            Set<String> replicated = Set.of("default", "other");
            return replicated.contains(stickiness.of(a)) && replicated.contains(stickiness.of(b));
        }

        @Override
        public Boolean allowMigrate(String alias, String app, Hints hints) {
            return true;
        }
    }

    /** {@code auth} entities read from {@code default} and are written to {@code other}. */
    static final class AuthRouter implements DatabaseRouter {
        @Override
        public String dbForRead(Class<?> entityType, Hints hints) {
            return appOf(entityType).equals("auth") ? "default" : null;
        }

        @Override
        public String dbForWrite(Class<?> entityType, Hints hints) {
            return appOf(entityType).equals("auth") ? "other" : null;
        }

        @Override
        public Boolean allowRelation(Object a, Object b, Hints hints) {
            return appOf(a).equals("auth") || appOf(b).equals("auth") ? Boolean.TRUE : null;
        }

        @Override
        public Boolean allowMigrate(String alias, String app, Hints hints) {
            return app.equals("auth") ? alias.equals("other") : null;
        }
    }

    /** Only has an opinion on writes: all of them go to {@code writer}. */
    static final class WriteRouter implements DatabaseRouter {
        @Override
        public String dbForWrite(Class<?> entityType, Hints hints) {
            return "writer";
        }
    }

    private final Stickiness stickiness = new Stickiness();
    private final Book dive = stickiness.stick(new Book(), "other");

    private RouterChain chain(DatabaseRouter... routers) {
        return new RouterChain(List.of(routers), ALIASES, stickiness::of);
    }

    @Test
    void testRouterAloneReadsFromOtherAndWritesToDefault() {
        RouterChain chain = chain(new TestRouter(stickiness));

        assertThat(chain.dbForRead(User.class, null)).isEqualTo("other");
        assertThat(chain.dbForRead(Book.class, null)).isEqualTo("other");
        assertThat(chain.dbForWrite(User.class, null)).isEqualTo("default");
        assertThat(chain.dbForWrite(Book.class, null)).isEqualTo("default");
        assertThat(chain.allowRelation(dive, dive)).isTrue();
        assertThat(chain.allowMigrate("default", "auth", User.class)).isTrue();
        assertThat(chain.allowMigrate("default", "multiple_database", Book.class)).isTrue();
    }

    @Test
    void partialRoutersAreEachAskedOnlyForWhatTheyImplement() {
        RouterChain chain = chain(new WriteRouter(), new AuthRouter(), new TestRouter(stickiness));

        assertThat(chain.dbForRead(User.class, null)).isEqualTo("default");
        assertThat(chain.dbForRead(Book.class, null)).isEqualTo("other");
        assertThat(chain.dbForWrite(User.class, null)).isEqualTo("writer");
        assertThat(chain.dbForWrite(Book.class, null)).isEqualTo("writer");
        assertThat(chain.allowRelation(dive, dive)).isTrue();
        assertThat(chain.allowMigrate("default", "auth", User.class)).isFalse();
        assertThat(chain.allowMigrate("default", "multiple_database", Book.class)).isTrue();
    }

    @Test
    void migrateSelectionDependsOnRouterOrder() {
        assertThat(chain(new TestRouter(stickiness), new AuthRouter())
                .allowMigrate("default", "auth", User.class)).isTrue();
        assertThat(chain(new AuthRouter(), new TestRouter(stickiness))
                .allowMigrate("default", "auth", User.class)).isFalse();
    }

    @Test
    void readOfAStickyInstanceUnderTestRouterStaysOnItsAlias() {
        Book onDefault = stickiness.stick(new Book(), "default");

        assertThat(chain(new TestRouter(stickiness)).dbForRead(Book.class, onDefault)).isEqualTo("default");
    }
}
