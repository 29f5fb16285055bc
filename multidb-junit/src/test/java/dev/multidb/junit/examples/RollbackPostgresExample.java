package dev.multidb.junit.examples;

import dev.multidb.junit.MultiDbTest;
import dev.multidb.junit.support.EmbeddedPostgresDatabases;

/** {@link RollbackScenarios} on PostgreSQL. */
@MultiDbTest(unit = "junit-pg", databases = {"default", "other"}, properties = EmbeddedPostgresDatabases.class)
public class RollbackPostgresExample extends RollbackScenarios {
}
