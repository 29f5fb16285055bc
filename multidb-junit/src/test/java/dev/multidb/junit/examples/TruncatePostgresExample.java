package dev.multidb.junit.examples;

import dev.multidb.junit.Isolation;
import dev.multidb.junit.MultiDbTest;
import dev.multidb.junit.support.EmbeddedPostgresDatabases;

/** {@link TruncateScenarios} on PostgreSQL. */
@MultiDbTest(unit = "junit-pg", databases = {"default", "other"}, isolation = Isolation.TRUNCATE,
        properties = EmbeddedPostgresDatabases.class)
public class TruncatePostgresExample extends TruncateScenarios {

    @Override
    long countOutside(String alias, String table) {
        return EmbeddedPostgresDatabases.countOutside(alias, table);
    }
}
