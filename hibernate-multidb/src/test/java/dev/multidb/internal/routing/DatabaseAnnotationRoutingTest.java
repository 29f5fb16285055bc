package dev.multidb.internal.routing;

import static dev.multidb.internal.routing.Fixtures.chain;
import static dev.multidb.internal.routing.Fixtures.proxyOf;
import static dev.multidb.internal.routing.Fixtures.sending;
import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.DatabaseRouter;
import dev.multidb.Hints;
import dev.multidb.internal.routing.Fixtures.Account;
import dev.multidb.internal.routing.Fixtures.AdminAccount;
import dev.multidb.internal.routing.Fixtures.Archive;
import dev.multidb.internal.routing.Fixtures.Book;
import dev.multidb.internal.routing.pinned.PinnedByClassAndPackage;
import dev.multidb.internal.routing.pinned.PinnedByPackage;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The built-in {@code @Database} router: on a class, inherited, on a package, asked first. */
class DatabaseAnnotationRoutingTest {

    private static final Set<String> ALIASES = Set.of("default", "other", "users");

    /** Has an opinion on everything, so that any answer it loses to is the annotation's. */
    private static final DatabaseRouter EVERYTHING_TO_DEFAULT = new DatabaseRouter() {
        @Override
        public String dbForRead(Class<?> entityType, Hints hints) {
            return "default";
        }

        @Override
        public String dbForWrite(Class<?> entityType, Hints hints) {
            return "default";
        }

        @Override
        public Boolean allowRelation(Object a, Object b, Hints hints) {
            return true;
        }

        @Override
        public Boolean allowMigrate(String alias, String app, Hints hints) {
            return true;
        }
    };

    @Test
    void annotatedClassIsReadAndWrittenOnItsAliasBeforeAnyRouterIsAsked() {
        RouterChain chain = chain(ALIASES, EVERYTHING_TO_DEFAULT);

        assertThat(chain.dbForRead(Account.class, null)).isEqualTo("users");
        assertThat(chain.dbForWrite(Account.class, new Account())).isEqualTo("users");
        assertThat(chain.staticDbForWrite(Account.class)).isEqualTo("users");
        assertThat(chain.dbForRead(Book.class, null)).isEqualTo("default");
    }

    @Test
    void subclassInheritsItsSuperclassAnnotation() {
        RouterChain chain = chain(ALIASES, EVERYTHING_TO_DEFAULT);

        assertThat(chain.dbForRead(AdminAccount.class, null)).isEqualTo("users");
        assertThat(chain.dbForWrite(AdminAccount.class, null)).isEqualTo("users");
    }

    @Test
    void annotatedPackagePinsItsClasses() {
        RouterChain chain = chain(ALIASES, EVERYTHING_TO_DEFAULT);

        assertThat(chain.dbForRead(PinnedByPackage.class, null)).isEqualTo("other");
        assertThat(chain.dbForWrite(PinnedByPackage.class, null)).isEqualTo("other");
    }

    @Test
    void classAnnotationWinsOverPackageAnnotation() {
        RouterChain chain = chain(ALIASES);

        assertThat(chain.dbForRead(PinnedByClassAndPackage.class, null)).isEqualTo("users");
        assertThat(chain.dbForWrite(PinnedByClassAndPackage.class, null)).isEqualTo("users");
    }

    @Test
    void theAnnotationHasNoOpinionOnRelations() {
        RouterChain chain = chain(ALIASES);

        assertThat(chain.askAllowRelation(new Account(), new AdminAccount())).isNull();
        assertThat(chain.askAllowRelation(new Account(), new Archive())).isNull();
        assertThat(chain.askAllowRelation(Account.class, PinnedByClassAndPackage.class)).isNull();
        assertThat(chain.askAllowRelation(proxyOf(Archive.class), new Account())).isNull();
    }

    @Test
    void aRoutersAnswerCountsForEntitiesPinnedToDifferentAliases() {
        RouterChain chain = chain(ALIASES, EVERYTHING_TO_DEFAULT);

        assertThat(chain.askAllowRelation(new Account(), new Archive())).isTrue();
        assertThat(chain.allowRelation(Account.class, PinnedByPackage.class)).isTrue();
    }

    @Test
    void withoutAnOpinionInstancesStuckToTheSameAliasMayBeRelated() {
        RouterChain chain = chain(ALIASES);

        assertThat(chain.allowRelation(new Account(), new AdminAccount()))
                .as("two instances stuck to nothing, as Django's two unsaved objects").isTrue();
    }

    @Test
    void pinnedEntityIsMigratedOnlyOnItsAlias() {
        RouterChain chain = chain(ALIASES, EVERYTHING_TO_DEFAULT);

        assertThat(chain.allowMigrate("users", "app", Account.class)).isTrue();
        assertThat(chain.allowMigrate("default", "app", Account.class)).isFalse();
        assertThat(chain.allowMigrate("default", "app", PinnedByPackage.class)).isFalse();
        assertThat(chain.allowMigrate("other", "app", PinnedByPackage.class)).isTrue();
    }

    @Test
    void migrationWithoutEntityTypeOrAnnotationIsLeftToRouters() {
        DatabaseRouter refuses = new DatabaseRouter() {
            @Override
            public Boolean allowMigrate(String alias, String app, Hints hints) {
                return false;
            }
        };
        RouterChain chain = chain(ALIASES, refuses);

        assertThat(chain.allowMigrate("users", "app", null)).isFalse();
        assertThat(chain.allowMigrate("default", "app", Book.class)).isFalse();
    }

    @Test
    void theAnnotationIsNotCountedAsARouter() {
        assertThat(chain(ALIASES).hasRouters()).isFalse();
        assertThat(chain(ALIASES, sending(Book.class, "other")).hasRouters()).isTrue();
    }
}
