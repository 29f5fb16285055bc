package dev.multidb;

import dev.multidb.pinmodel.Account;
import dev.multidb.pinmodel.Badge;
import dev.multidb.pinmodel.Holder;
import dev.multidb.pinmodel.Profile;
import dev.multidb.support.StatementRecorder;
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

    /** Allows the mapping (asked with the classes) but no relation of instances across databases. */
    static final class ClassesOnly implements DatabaseRouter {
        @Override
        public Boolean allowRelation(Object a, Object b, Hints hints) {
            return a instanceof Class<?> && b instanceof Class<?> ? Boolean.TRUE : null;
        }
    }

    /**
     * A new Holder on 'default' refers to a Badge stuck to 'auth' whose assigned id 'default' does not have:
     * Django's refusal, before any statement; Hibernate would otherwise look for the badge on 'default' and call it
     * an unsaved transient instance.
     */
    @Test
    void aReferenceToAnInstanceOfAnotherDatabaseIsRefusedWhenPersistedWithNothingSent() {
        PersistenceConfiguration configuration = new PersistenceConfiguration("pinned-assigned")
                .provider(MultiDbPersistenceProvider.class.getName())
                .managedClass(Badge.class)
                .managedClass(Holder.class)
                .property("multidb.databases.default.url", TestFactories.h2Url("assigned-default"))
                .property("multidb.databases.auth.url", TestFactories.h2Url("assigned-auth"))
                .property("multidb.routers", List.of(new ClassesOnly()))
                .property("jakarta.persistence.schema-generation.database.action", "create");
        try (MultiDbEntityManagerFactory factory =
                     (MultiDbEntityManagerFactory) Persistence.createEntityManagerFactory(configuration)) {
            factory.runInTransaction(em -> em.persist(new Badge(1)));
            StatementRecorder statements = new StatementRecorder();
            factory.addStatementListener(statements);
            try (MultiDbEntityManager em = factory.createEntityManager()) {
                em.getTransaction().begin();
                Badge badge = em.find(Badge.class, 1L);
                statements.clear();
                assertThatThrownBy(() -> em.persist(new Holder(7, badge)))
                        .isInstanceOf(CrossDatabaseRelationException.class)
                        .hasMessage("Cannot assign \"Badge#1\": the current database router prevents this relation.");
                assertThat(statements.statements()).as("nothing sent, to either database").isEmpty();
                assertThat(em.getTransaction().getRollbackOnly()).isTrue();
                em.getTransaction().rollback();
            }
            assertThat(count(factory, "default", "Holder")).isZero();
        }
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
