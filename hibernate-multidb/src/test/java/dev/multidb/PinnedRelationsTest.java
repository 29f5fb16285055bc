package dev.multidb;

import dev.multidb.pinmodel.Account;
import dev.multidb.pinmodel.Profile;
import dev.multidb.support.TestFactories;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.multidb.support.TestFactories.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code @Database} places entities; it has no opinion on relations: a router's {@code allowRelation} is obeyed
 * when both ends are pinned, at bootstrap (asked with the classes) and at flush (asked with the instances).
 */
class PinnedRelationsTest {

    /** Allows Profile -> Account, for classes and for instances; records what it was asked. */
    static final class ProfilesMayReferToAccounts implements DatabaseRouter {
        final List<String> asked = new ArrayList<>();

        @Override
        public Boolean allowRelation(Object a, Object b, Hints hints) {
            asked.add(name(a) + "->" + name(b));
            return isProfile(a) && isAccount(b) ? Boolean.TRUE : null;
        }

        private static boolean isProfile(Object o) {
            return o == Profile.class || o instanceof Profile;
        }

        private static boolean isAccount(Object o) {
            return o == Account.class || o instanceof Account;
        }

        private static String name(Object o) {
            return o instanceof Class<?> type ? type.getSimpleName() + ".class" : o.getClass().getSimpleName();
        }
    }

    private static EntityManagerFactory pinned(DatabaseRouter router) {
        PersistenceConfiguration configuration = new PersistenceConfiguration("pinned")
                .provider(MultiDbPersistenceProvider.class.getName())
                .managedClass(Account.class)
                .managedClass(Profile.class)
                .property("multidb.databases.default.url", TestFactories.h2Url("pinned-default"))
                .property("multidb.databases.auth.url", TestFactories.h2Url("pinned-auth"))
                .property("jakarta.persistence.schema-generation.database.action", "create");
        if (router != null) {
            configuration.property("multidb.routers", List.of(router));
        }
        return Persistence.createEntityManagerFactory(configuration);
    }

    @Test
    void withoutARouterTwoEndsPinnedToDifferentAliasesFailBootstrap() {
        assertThatThrownBy(() -> pinned(null))
                .isInstanceOf(CrossDatabaseRelationException.class)
                .hasMessageContaining("- dev.multidb.pinmodel.Profile.account (many-to-one) refers to"
                        + " dev.multidb.pinmodel.Account: Profile is routed to 'default', Account is routed to 'auth'.");
    }

    @Test
    void aRoutersAllowRelationIsAskedForPinnedEndsAndObeyedAtBootstrapAndAtFlush() {
        ProfilesMayReferToAccounts router = new ProfilesMayReferToAccounts();
        try (MultiDbEntityManagerFactory factory = (MultiDbEntityManagerFactory) pinned(router)) {
            assertThat(router.asked).contains("Profile.class->Account.class");
            router.asked.clear();
            try (MultiDbEntityManager em = factory.createEntityManager()) {
                em.getTransaction().begin();
                Account alice = new Account("alice");
                em.persist(alice);
                em.persist(new Profile(7, alice));
                em.getTransaction().commit();
                assertThat(em.aliasOf(alice)).isEqualTo("auth");
            }
            assertThat(router.asked).contains("Profile->Account");
            assertThat(count(factory, "auth", "Account")).isEqualTo(1);
            assertThat(count(factory, "default", "Profile")).isEqualTo(1);
            assertThat(TestFactories.value(factory, "default", "select account_id from Profile"))
                    .isEqualTo(String.valueOf(TestFactories.value(factory, "auth", "select id from Account")));
        }
    }
}
