package dev.multidb.internal.routing;

import static dev.multidb.internal.routing.Fixtures.DEFAULT_AND_OTHER;
import static dev.multidb.internal.routing.Fixtures.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.DatabaseRouter;
import dev.multidb.Hints;
import dev.multidb.UnknownDatabaseException;
import dev.multidb.internal.routing.Fixtures.Account;
import dev.multidb.internal.routing.Fixtures.Book;
import dev.multidb.internal.routing.Fixtures.Misconfigured;
import dev.multidb.internal.routing.pinned.PinnedByPackage;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Unknown aliases fail at once, naming who returned them; router exceptions pass through unchanged. */
class RouterChainFailureTest {

    /** Answers an alias that is not configured. */
    static final class ShardRouter implements DatabaseRouter {
        @Override
        public String dbForRead(Class<?> entityType, Hints hints) {
            return "nosuch";
        }

        @Override
        public String dbForWrite(Class<?> entityType, Hints hints) {
            return "nosuch";
        }
    }

    static final class FailingRouter implements DatabaseRouter {
        final IllegalStateException failure = new IllegalStateException("boom");

        @Override
        public String dbForRead(Class<?> entityType, Hints hints) {
            throw failure;
        }

        @Override
        public String dbForWrite(Class<?> entityType, Hints hints) {
            throw failure;
        }

        @Override
        public Boolean allowRelation(Object a, Object b, Hints hints) {
            throw failure;
        }

        @Override
        public Boolean allowMigrate(String alias, String app, Hints hints) {
            throw failure;
        }
    }

    @Test
    void unknownAliasFromRouterReadFailsNamingRouterAndMethod() {
        RouterChain chain = chain(DEFAULT_AND_OTHER, new ShardRouter());

        assertThatThrownBy(() -> chain.dbForRead(Book.class, null))
                .isInstanceOf(UnknownDatabaseException.class)
                .hasMessage("The database 'nosuch' doesn't exist. Known databases: default, other. It was returned by "
                        + "dev.multidb.internal.routing.RouterChainFailureTest$ShardRouter.dbForRead("
                        + "dev.multidb.internal.routing.Fixtures$Book).")
                .extracting(e -> ((UnknownDatabaseException) e).alias()).isEqualTo("nosuch");
    }

    @Test
    void unknownAliasFromRouterWriteFailsNamingRouterAndMethod() {
        RouterChain chain = chain(DEFAULT_AND_OTHER, new ShardRouter());

        assertThatThrownBy(() -> chain.staticDbForWrite(Book.class))
                .isInstanceOf(UnknownDatabaseException.class)
                .hasMessage("The database 'nosuch' doesn't exist. Known databases: default, other. It was returned by "
                        + "dev.multidb.internal.routing.RouterChainFailureTest$ShardRouter.dbForWrite("
                        + "dev.multidb.internal.routing.Fixtures$Book).");
    }

    @Test
    void unknownAliasInClassAnnotationFailsNamingTheAnnotatedClass() {
        RouterChain chain = chain(DEFAULT_AND_OTHER);

        assertThatThrownBy(() -> chain.dbForWrite(Misconfigured.class, null))
                .isInstanceOf(UnknownDatabaseException.class)
                .hasMessage("The database 'nosuch' doesn't exist. Known databases: default, other. It was returned by "
                        + "@Database on dev.multidb.internal.routing.Fixtures$Misconfigured.");
        assertThatThrownBy(() -> chain.allowMigrate("default", "app", Misconfigured.class))
                .isInstanceOf(UnknownDatabaseException.class);
    }

    @Test
    void unknownAliasInPackageAnnotationFailsNamingThePackage() {
        RouterChain chain = chain(Set.of("default", "users"));

        assertThatThrownBy(() -> chain.dbForRead(PinnedByPackage.class, null))
                .isInstanceOf(UnknownDatabaseException.class)
                .hasMessage("The database 'other' doesn't exist. Known databases: default, users. It was returned by "
                        + "@Database on package dev.multidb.internal.routing.pinned.");
    }

    @Test
    void unknownAliasInheritedFromSuperclassNamesTheSuperclass() {
        RouterChain chain = chain(DEFAULT_AND_OTHER);

        assertThatThrownBy(() -> chain.dbForRead(Fixtures.AdminAccount.class, null))
                .hasMessage("The database 'users' doesn't exist. Known databases: default, other. It was returned by "
                        + "@Database on " + Account.class.getName() + ".");
    }

    @Test
    void readRoutedNowhereWithoutDefaultFailsTellingTheFix() {
        RouterChain chain = chain(Set.of("other", "users"), new DatabaseRouter() { });

        assertThatThrownBy(() -> chain.dbForRead(Book.class, new Book()))
                .isInstanceOf(UnknownDatabaseException.class)
                .hasMessage("The database 'default' doesn't exist. Known databases: other, users. Nothing routed "
                        + "dev.multidb.internal.routing.Fixtures$Book for reading, so it went to 'default', which has "
                        + "no URL. Configure multidb.databases.default.url or make a router answer for "
                        + "dev.multidb.internal.routing.Fixtures$Book.")
                .extracting(e -> ((UnknownDatabaseException) e).alias()).isEqualTo("default");
    }

    @Test
    void writeRoutedNowhereWithoutDefaultFailsTellingTheFix() {
        RouterChain chain = chain(Set.of("other"));

        assertThatThrownBy(() -> chain.staticDbForWrite(Book.class))
                .isInstanceOf(UnknownDatabaseException.class)
                .hasMessage("The database 'default' doesn't exist. Known databases: other. Nothing routed "
                        + "dev.multidb.internal.routing.Fixtures$Book for writing, so it went to 'default', which has "
                        + "no URL. Configure multidb.databases.default.url or make a router answer for "
                        + "dev.multidb.internal.routing.Fixtures$Book.");
    }

    @Test
    void withoutDefaultAnsweredAndStickyRoutesStillWork() {
        Fixtures.Stickiness stickiness = new Fixtures.Stickiness();
        Book onOther = stickiness.stick(new Book(), "other");
        RouterChain chain = new RouterChain(java.util.List.of(), Set.of("other", "users"), stickiness::of);

        assertThat(chain.dbForWrite(Book.class, onOther)).isEqualTo("other");
        assertThat(chain.dbForRead(Account.class, null)).isEqualTo("users");
    }

    @Test
    void routerExceptionPropagatesUnchanged() {
        FailingRouter router = new FailingRouter();
        RouterChain chain = chain(DEFAULT_AND_OTHER, router);

        assertThatThrownBy(() -> chain.dbForRead(Book.class, null)).isSameAs(router.failure);
        assertThatThrownBy(() -> chain.dbForWrite(Book.class, new Book())).isSameAs(router.failure);
        assertThatThrownBy(() -> chain.allowRelation(new Book(), new Book())).isSameAs(router.failure);
        assertThatThrownBy(() -> chain.allowMigrate("default", "app", Book.class)).isSameAs(router.failure);
    }
}
