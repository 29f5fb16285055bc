package dev.multidb;

import dev.multidb.collmodel.Shelf;
import dev.multidb.support.StatementRecorder;
import dev.multidb.support.TestFactories;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.hibernate.Hibernate;
import org.hibernate.LazyInitializationException;
import org.hibernate.collection.spi.PersistentCollection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lazy collections load only through the child session of the alias their owner came from; once its entity
 * manager is closed they fail, naming that alias, and send nothing anywhere. Every kind of collection
 * Hibernate has, every method of its interfaces.
 */
class LazyCollectionsTest {

    private static final String ALIAS_PART = ". It was loaded from database 'other', and a lazy load only ever"
            + " reads the database its owner came from, through the session that loaded it, which is closed. Load"
            + " it while that entity manager is open (a fetch join, Hibernate.initialize), or find it again with"
            + " em.using(\"other\").find(...).";

    private static MultiDbEntityManagerFactory factory;
    private static long shelfId;

    @BeforeAll
    static void shelfOnOther() {
        factory = (MultiDbEntityManagerFactory) Persistence.createEntityManagerFactory("collections", Map.of(
                "multidb.databases.default.url", TestFactories.h2Url("collections-default"),
                "multidb.databases.other.url", TestFactories.h2Url("collections-other")));
        Shelf shelf = new Shelf("On other");
        factory.runInTransaction(em -> em.unwrap(MultiDbEntityManager.class).using("other").persist(shelf));
        shelfId = shelf.getId();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static Shelf detachedShelf() {
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            return em.using("other").find(Shelf.class, shelfId);
        }
    }

    @Test
    void whileOpenEveryCollectionLoadsFromItsOwnersDatabase() {
        StatementRecorder statements = new StatementRecorder();
        factory.addStatementListener(statements);
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            Shelf shelf = em.using("other").find(Shelf.class, shelfId);
            statements.clear();
            shelf.collections().forEach((name, collection) -> {
                assertThat(Hibernate.isInitialized(collection)).as(name).isFalse();
                assertThat(size(collection)).as(name).isEqualTo(1);
            });
            assertThat(statements.aliasesOf("select")).hasSize(9).containsOnly("other");
        } finally {
            factory.removeStatementListener(statements);
        }
    }

    @Test
    void afterCloseEveryCollectionFailsNamingTheAliasAndSendsNothing() {
        Shelf shelf = detachedShelf();
        StatementRecorder statements = new StatementRecorder();
        factory.addStatementListener(statements);
        try {
            assertThatThrownBy(() -> shelf.collections().get("tags").toString())
                    .isInstanceOf(LazyInitializationException.class)
                    .hasMessage("Cannot lazily initialize collection of role 'dev.multidb.collmodel.Shelf.tags' with"
                            + " key '" + shelfId + "' (no session)" + ALIAS_PART);
            shelf.collections().forEach((name, collection) ->
                    assertThatThrownBy(() -> size(collection)).as(name)
                            .isInstanceOf(LazyInitializationException.class)
                            .hasMessageStartingWith("Cannot lazily initialize collection of role"
                                    + " 'dev.multidb.collmodel.Shelf." + name + "'")
                            .hasMessageEndingWith(ALIAS_PART));
            assertThat(statements.statements()).isEmpty();
        } finally {
            factory.removeStatementListener(statements);
        }
    }

    /** A method missed by a wrapper would fail with Hibernate's message alone: every one is called here. */
    @Test
    void everyMethodOfEveryCollectionNamesTheAlias() throws Exception {
        Shelf shelf = detachedShelf();
        List<String> unnamed = new ArrayList<>();
        int failed = 0;
        for (Map.Entry<String, Object> entry : shelf.collections().entrySet()) {
            Object collection = entry.getValue();
            for (Class<?> type : List.of(Collection.class, List.class, SortedSet.class, Map.class, SortedMap.class)) {
                if (!type.isInstance(collection)) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    if (Modifier.isStatic(method.getModifiers())) {
                        continue;
                    }
                    Throwable thrown = invoke(collection, method);
                    if (thrown instanceof LazyInitializationException lazy) {
                        failed++;
                        if (!lazy.getMessage().endsWith(ALIAS_PART)) {
                            unnamed.add(entry.getKey() + "." + method.getName());
                        }
                    }
                }
            }
            assertThat(Hibernate.isInitialized(collection)).as(entry.getKey()).isFalse();
        }
        assertThat(unnamed).isEmpty();
        assertThat(failed).as("calls that needed the closed session").isGreaterThan(200);
    }

    @Test
    void aPlainHibernateUnitInTheSameJvmKeepsHibernatesOwnCollections() {
        EntityManagerFactory plain = Persistence.createEntityManagerFactory("plain-collections");
        try {
            Shelf shelf = new Shelf("Plain");
            plain.runInTransaction(em -> em.persist(shelf));
            Shelf detached;
            try (var em = plain.createEntityManager()) {
                detached = em.find(Shelf.class, shelf.getId());
            }
            Object tags = detached.collections().get("tags");
            assertThat(tags.getClass().getName()).isEqualTo("org.hibernate.collection.spi.PersistentBag");
            assertThatThrownBy(() -> size(tags)).isInstanceOf(LazyInitializationException.class)
                    .hasMessage("Cannot lazily initialize collection of role 'dev.multidb.collmodel.Shelf.tags' with"
                            + " key '" + shelf.getId() + "' (no session)");
        } finally {
            plain.close();
        }
    }

    private static int size(Object collection) {
        assertThat(collection).isInstanceOf(PersistentCollection.class);
        return collection instanceof Map<?, ?> map ? map.size() : ((Collection<?>) collection).size();
    }

    /** Calls {@code method} with neutral arguments; returns what it threw, or {@code null}. */
    private static Throwable invoke(Object target, Method method) throws IllegalAccessException {
        Object[] arguments = new Object[method.getParameterCount()];
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = types[i] == int.class ? 0 : types[i].isArray() ? new Object[0] : null;
        }
        try {
            method.invoke(target, arguments);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }
}
