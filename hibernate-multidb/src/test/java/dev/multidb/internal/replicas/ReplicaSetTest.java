package dev.multidb.internal.replicas;

import dev.multidb.support.LogCapture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rotation and health of one primary's replicas, on a clock the test moves. */
class ReplicaSetTest {

    @Test
    void aReplicaOutOfRotationIsSkippedUntilItsBackOffEndsAndItsReturnIsLoggedOnce() throws Exception {
        ReplicaSet set = new ReplicaSet("default", List.of("r1", "r2"), 0);
        long now = 1_000;
        assertThat(set.markDown("r1", now + 500, now)).as("in rotation until now").isTrue();
        assertThat(set.markDown("r1", now + 600, now + 1)).as("already out").isFalse();
        assertThat(List.of(set.pick(now), set.pick(now), set.pick(now))).containsOnly("r2");
        assertThat(set.isDown("r1", now + 599)).isTrue();
        String log = LogCapture.during(() -> {
            List<String> picked = List.of(set.pick(now + 600), set.pick(now + 600), set.pick(now + 600),
                    set.pick(now + 600));
            assertThat(picked).contains("r1", "r2");
        });
        assertThat(log.lines().filter(line -> line.contains("dev.multidb.replicas"))).singleElement().asString()
                .endsWith("INFO dev.multidb.replicas - Replica 'r1' of 'default' is back in rotation (it leaves again"
                        + " at its next failure).");
        assertThat(set.isDown("r1", now + 600)).isFalse();
        assertThat(set.markDown("r1", now + 2_000, now + 700)).as("back in rotation, so out again is news").isTrue();
    }

    @Test
    void aClockBelowZeroDoesNotPutReplicasOutOfRotation() {
        ReplicaSet set = new ReplicaSet("default", List.of("r1"), 0);
        assertThat(set.isDown("r1", -5_000_000_000L)).isFalse();
        assertThat(set.pick(-5_000_000_000L)).isEqualTo("r1");
    }
}
