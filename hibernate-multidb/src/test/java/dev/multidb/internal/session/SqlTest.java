package dev.multidb.internal.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The replica write guard's reading of SQL: writes and row locks hidden in queries are writes too. */
class SqlTest {

    @Test
    void queriesRead() {
        assertThat(Sql.writes("select p.id, p.name from Person p where p.name = 'update me'")).isFalse();
        assertThat(Sql.writes("  (select 1) union (select 2)")).isFalse();
        assertThat(Sql.writes("with recent as (select * from Item) select * from recent")).isFalse();
        assertThat(Sql.writes("select \"update\", last_update, update_count, i.updated from Item i")).isFalse();
        assertThat(Sql.writes("select replace(name, 'a', 'b') from Item -- for update\n")).isFalse();
        assertThat(Sql.writes("select share, market_share from Stock /* for share */")).isFalse();
        assertThat(Sql.writes("values (1)")).isFalse();
        assertThat(Sql.writes("explain select * from Item")).isFalse();
    }

    @Test
    void writesAndLocksHiddenInQueriesWrite() {
        assertThat(Sql.writes("WITH d AS (DELETE FROM Item RETURNING id) SELECT count(*) FROM d")).isTrue();
        assertThat(Sql.writes("with u as (update Item set name = 'x' returning *) select * from u")).isTrue();
        assertThat(Sql.writes("select * from Item where id = ? for update")).isTrue();
        assertThat(Sql.writes("select * from Item for no key update skip locked")).isTrue();
        assertThat(Sql.writes("select * from Item for share")).isTrue();
        assertThat(Sql.writes("select * from Item for key share")).isTrue();
        assertThat(Sql.writes("select * from Item lock in share mode")).isTrue();
        assertThat(Sql.writes("select nextval('item_seq')")).isTrue();
        assertThat(Sql.writes("explain analyze delete from Item")).isTrue();
    }

    @Test
    void everythingElseWrites() {
        assertThat(Sql.writes("insert into Item values (1)")).isTrue();
        assertThat(Sql.writes("update Item set name = ?")).isTrue();
        assertThat(Sql.writes("call refresh_stats()")).isTrue();
        assertThat(Sql.writes("set search_path to x")).isTrue();
    }
}
