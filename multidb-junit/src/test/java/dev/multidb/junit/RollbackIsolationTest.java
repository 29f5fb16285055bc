package dev.multidb.junit;

import dev.multidb.junit.examples.RollbackH2Example;
import dev.multidb.junit.examples.RollbackPostgresExample;
import dev.multidb.junit.support.EmbeddedPostgresDatabases;
import dev.multidb.junit.support.Examples;
import dev.multidb.junit.support.H2Databases;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Isolation.ROLLBACK: rows written in one test are absent in the next on every declared alias, also
 * when the test commits its own transactions, writes through {@code dataSource(alias)} in auto-commit
 * mode, or from another thread; and nothing at all is left once the class has run.
 */
class RollbackIsolationTest {

    /** Every scenario of {@link dev.multidb.junit.examples.RollbackScenarios}, each of which must pass. */
    private static final Map<String, String> ALL_SUCCESSFUL = Stream.of("writesAndCommitsOnEveryAlias",
                    "rowsOfThePreviousTestAreGone", "rollbackUndoesOnlyTheTransactionItEnds",
                    "failedStatementThenRollbackRecovers", "writesOfOtherThreadsAreRolledBackToo",
                    "listenersSeeOnlyTheTestsStatements", "everythingAboveIsGone")
            .collect(Collectors.toMap(name -> name, name -> "SUCCESSFUL"));

    @Test
    void eachTestIsRolledBackOnEveryDeclaredAliasOnH2() {
        Map<String, String> outcomes = Examples.outcomes(Examples.run(RollbackH2Example.class));

        assertThat(outcomes).isEqualTo(ALL_SUCCESSFUL);
        assertThat(H2Databases.countOutside("default", "Note")).isZero();
        assertThat(H2Databases.countOutside("other", "Note")).isZero();
    }

    @Test
    void eachTestIsRolledBackOnEveryDeclaredAliasOnPostgres() {
        Map<String, String> outcomes = Examples.outcomes(Examples.run(RollbackPostgresExample.class));

        assertThat(outcomes).isEqualTo(ALL_SUCCESSFUL);
        assertThat(EmbeddedPostgresDatabases.countOutside("default", "Note")).isZero();
        assertThat(EmbeddedPostgresDatabases.countOutside("other", "Note")).isZero();
    }
}
