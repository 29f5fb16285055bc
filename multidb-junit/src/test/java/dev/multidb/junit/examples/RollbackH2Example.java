package dev.multidb.junit.examples;

import dev.multidb.junit.MultiDbTest;

/** {@link RollbackScenarios} on H2. */
@MultiDbTest(unit = "junit-h2", databases = {"default", "other"})
public class RollbackH2Example extends RollbackScenarios {
}
