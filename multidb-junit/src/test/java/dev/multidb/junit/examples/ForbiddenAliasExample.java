package dev.multidb.junit.examples;

import dev.multidb.MultiDbEntityManager;
import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.junit.MultiDbTest;
import dev.multidb.junit.audit.AuditEntry;
import dev.multidb.junit.model.Note;
import dev.multidb.junit.support.OnlyThroughEngineTestKit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;

/** Declares only {@code default} (the default of {@code databases}); every path to another alias fails. */
@OnlyThroughEngineTestKit
@MultiDbTest(unit = "junit-h2")
public class ForbiddenAliasExample {

    @Test
    void declaredAliasIsAllowed(MultiDbEntityManager em) {
        em.find(Note.class, 1L);
        em.createQuery("select count(n) from Note n").getSingleResult();
    }

    @Test
    void entityManagerOnOther(MultiDbEntityManager em) {
        em.using("other").find(Note.class, 1L);
    }

    @Test
    void writeRoutedToThird(MultiDbEntityManager em) {
        em.getTransaction().begin();
        em.persist(new AuditEntry("routed to third by AuditRouter"));
        em.getTransaction().commit();
    }

    @Test
    void dataSourceOfOther(MultiDbEntityManagerFactory factory) throws Exception {
        try (Connection connection = factory.dataSource("other").getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeQuery("select 1");
        }
    }

    @Test
    void otherThreadOnOther(MultiDbEntityManagerFactory factory) throws Throwable {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try (Connection connection = factory.dataSource("other").getConnection()) {
                connection.prepareStatement("select 1").executeQuery();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    @Nested
    class NestedClass {
        @Test
        void inheritsTheDeclaration(MultiDbEntityManager em) {
            em.using("other").createQuery("select n from Note n").getResultList();
        }
    }
}
