package dev.multidb.internal.session;

import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.support.TestFactories;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which queries may run as one statement per chunk of an IN list with the same result. */
class ChunkableShapeTest {

    private static MultiDbEntityManagerFactory factory;

    @BeforeAll
    static void start() {
        factory = TestFactories.books(Map.of());
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    private static ChunkableShape shape(String hql) {
        return ChunkableShape.of(factory.unwrap(SessionFactoryImplementor.class).getQueryEngine()
                .interpretHql(hql, null).getSqmStatement());
    }

    @Test
    void anInListAndedIntoTheWhereClauseIsChunkable() {
        ChunkableShape shape = shape("select p from Person p where p.name like :name and (p.id in :ids and p.id > 0)");
        assertThat(shape.refusal()).isNull();
        assertThat(shape.select()).isTrue();
        assertThat(shape.distinct()).isFalse();
        assertThat(shape.chunkable()).containsExactly("ids");
        assertThat(shape.occurrences()).containsEntry("ids", 1).containsEntry("name", 1);
    }

    @Test
    void positionalParametersAreKeyedByPosition() {
        ChunkableShape shape = shape("select p.name from Person p where p.id in ?1 and p.name <> ?2");
        assertThat(shape.chunkable()).containsExactly(1);
        assertThat(shape.occurrences()).containsEntry(1, 1).containsEntry(2, 1);
    }

    @Test
    void distinctSelectsAreChunkableAndRemembered() {
        ChunkableShape shape = shape("select distinct p.name from Person p where p.id in :ids");
        assertThat(shape.refusal()).isNull();
        assertThat(shape.distinct()).isTrue();
    }

    @Test
    void updatesAndDeletesAreChunkable() {
        assertThat(shape("delete from Person p where p.id in :ids").chunkable()).containsExactly("ids");
        ChunkableShape update = shape("update Person p set p.name = :name where p.id in :ids");
        assertThat(update.select()).isFalse();
        assertThat(update.refusal()).isNull();
        assertThat(update.chunkable()).containsExactly("ids");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "select p from Person p where p.id in :ids order by p.name | it has an ORDER BY",
        "select count(p) from Person p where p.id in :ids | it selects an aggregate or a window function",
        "select p.name, count(p) from Person p where p.id in :ids group by p.name | it groups its rows",
        "select p from Person p where p.id in :ids fetch first 10 rows only | it limits its rows",
        "select p.id from Person p where p.id in :ids union select b.id from Book b"
                + " | it combines selects with a set operator",
    })
    void queriesWhoseChunksWouldNotAddUpAreRefused(String hql, String refusal) {
        assertThat(shape(hql).refusal()).isEqualTo(refusal);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "select p from Person p where p.id in :ids or p.name = 'x'",
        "select p from Person p where p.id not in :ids",
        "select p from Person p where not (p.id in :ids and p.name = 'x')",
        "select p from Person p where p.id in :ids and p.id in :ids",
        "select p from Person p where p.id in :ids and exists (select b from Book b where b.id in :ids)",
        "select p from Person p where exists (select b from Book b where b.id in :ids)",
    })
    void listsThatAreNotAndedIntoTheTopLevelWhereClauseOnceAreNotChunkable(String hql) {
        ChunkableShape shape = shape(hql);
        assertThat(shape.refusal()).isNull();
        assertThat(shape.chunkable()).isEmpty();
    }
}
