package dev.multidb.junit;

import dev.multidb.junit.examples.TruncateH2Example;
import dev.multidb.junit.examples.TruncatePostgresExample;
import dev.multidb.junit.support.EmbeddedPostgresDatabases;
import dev.multidb.junit.support.Examples;
import dev.multidb.junit.support.H2Databases;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Isolation.TRUNCATE (Django's TransactionTestCase): committed rows are visible to other connections
 * during the test, the declared aliases' tables are empty after it, and undeclared aliases are untouched.
 */
class TruncateIsolationTest {

    @Test
    void committedRowsAreVisibleOutsideAndEmptiedAfterEachTestOnH2() {
        try {
            Map<String, String> outcomes = Examples.outcomes(Examples.run(TruncateH2Example.class));

            assertThat(outcomes).containsOnly(
                    entry("commitsAreVisibleToOtherConnections", "SUCCESSFUL"),
                    entry("tablesAreEmptyAfterEachTest", "SUCCESSFUL"));
            assertThat(H2Databases.countOutside("default", "Book")).isZero();
            assertThat(H2Databases.countOutside("third", "Note")).isEqualTo(1);
        } finally {
            H2Databases.updateOutside("third", "delete from Note");
        }
    }

    @Test
    void committedRowsAreVisibleOutsideAndEmptiedAfterEachTestOnPostgres() {
        Map<String, String> outcomes = Examples.outcomes(Examples.run(TruncatePostgresExample.class));

        assertThat(outcomes).containsOnly(
                entry("commitsAreVisibleToOtherConnections", "SUCCESSFUL"),
                entry("tablesAreEmptyAfterEachTest", "SUCCESSFUL"));
        assertThat(EmbeddedPostgresDatabases.countOutside("default", "Book")).isZero();
        assertThat(EmbeddedPostgresDatabases.countOutside("other", "Note")).isZero();
    }
}
