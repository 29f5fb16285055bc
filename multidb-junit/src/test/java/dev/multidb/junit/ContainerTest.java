package dev.multidb.junit;

import dev.multidb.junit.examples.ContainerExample;
import dev.multidb.junit.support.Docker;
import dev.multidb.junit.support.Examples;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** An alias on a Testcontainers server: run where Docker answers, skipped cleanly (not failed) where not. */
class ContainerTest {

    @Test
    void containerClassRunsWithDockerAndIsSkippedWithout() {
        EngineExecutionResults results = Examples.run(ContainerExample.class);

        if (Docker.unavailableReason().isPresent()) {
            assertThat(Examples.containerOutcome(results, "ContainerExample")).isEqualTo("SKIPPED " + Docker.NO_DOCKER);
            assertThat(results.allEvents().failed().count()).isZero();
            assertThat(Examples.outcomes(results)).isEmpty();
        } else {
            assertThat(Examples.outcomes(results)).containsOnly(
                    entry("writesOnBothAliases", "SUCCESSFUL"), entry("andTheyAreRolledBack", "SUCCESSFUL"));
        }
    }
}
