package dev.multidb.junit;

import dev.multidb.junit.examples.FailingPropertiesExample;
import dev.multidb.junit.examples.NestedDeclarationExample;
import dev.multidb.junit.examples.UnknownAliasExample;
import dev.multidb.junit.examples.UnknownAliasWithoutSuggestionExample;
import dev.multidb.junit.support.Examples;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Mistakes in a declaration fail the class before its first test, saying what to fix. */
class ClassFailuresTest {

    @Test
    void unknownAliasFailsTheClassNamingTheClosestAlias() {
        EngineExecutionResults results = Examples.run(UnknownAliasExample.class,
                UnknownAliasWithoutSuggestionExample.class);

        assertThat(Examples.containerOutcome(results, "UnknownAliasExample")).isEqualTo(
                "FAILED UnknownDatabaseException: dev.multidb.junit.examples.UnknownAliasExample's"
                        + " @MultiDbTest(databases = ...) refers to 'defualt' which is not a configured database."
                        + " Did you mean 'default'?");
        assertThat(Examples.containerOutcome(results, "UnknownAliasWithoutSuggestionExample")).isEqualTo(
                "FAILED UnknownDatabaseException: dev.multidb.junit.examples.UnknownAliasWithoutSuggestionExample's"
                        + " @MultiDbTest(databases = ...) refers to 'void' which is not a configured database.");
        assertThat(Examples.outcomes(results)).isEmpty();
    }

    @Test
    void nestedClassWithItsOwnDeclarationFails() {
        EngineExecutionResults results = Examples.run(NestedDeclarationExample.class);

        assertThat(Examples.outcomes(results)).containsOnly(entry("outerRuns", "SUCCESSFUL"));
        assertThat(Examples.containerOutcome(results, "Inner")).isEqualTo(
                "FAILED ExtensionConfigurationException: dev.multidb.junit.examples.NestedDeclarationExample$Inner"
                        + " carries @MultiDbTest inside dev.multidb.junit.examples.NestedDeclarationExample, which has"
                        + " its own: a @Nested class uses the declaration of its enclosing class; remove one of them.");
    }

    @Test
    void failingPropertiesFailTheClass() {
        EngineExecutionResults results = Examples.run(FailingPropertiesExample.class);

        assertThat(Examples.containerOutcome(results, "FailingPropertiesExample"))
                .isEqualTo("FAILED IllegalStateException: The test server did not start");
        assertThat(Examples.outcomes(results)).isEmpty();
    }
}
