package dev.multidb.junit.examples;

import dev.multidb.MultiDbEntityManager;
import dev.multidb.junit.model.Author;
import dev.multidb.junit.model.Book;
import dev.multidb.junit.model.Note;
import dev.multidb.junit.support.OnlyThroughEngineTestKit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Isolation.TRUNCATE on {@code default} and {@code other}: commits are real (another connection sees
 * them during the test) and the tables are empty again for the next test. One subclass per product.
 */
@OnlyThroughEngineTestKit
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class TruncateScenarios {

    /** Rows of {@code table} on {@code alias}, counted on a connection outside the factory. */
    abstract long countOutside(String alias, String table);

    @Test
    @Order(1)
    void commitsAreVisibleToOtherConnections(MultiDbEntityManager em) {
        em.getTransaction().begin();
        Author author = new Author("Ursula");
        em.persist(author);
        em.persist(new Book("The Dispossessed", author));
        em.using("other").persist(new Note("committed"));
        em.getTransaction().commit();

        assertThat(countOutside("default", "Book")).isEqualTo(1);
        assertThat(countOutside("default", "Author")).isEqualTo(1);
        assertThat(countOutside("other", "Note")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void tablesAreEmptyAfterEachTest() {
        for (String alias : new String[] {"default", "other"}) {
            for (String table : new String[] {"Note", "Author", "Book"}) {
                assertThat(countOutside(alias, table)).as(alias + "." + table).isZero();
            }
        }
    }
}
