package dev.multidb.junit.examples;

import dev.multidb.junit.MultiDbTest;
import dev.multidb.junit.MultiDbTestProperties;
import dev.multidb.junit.support.OnlyThroughEngineTestKit;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** Properties that cannot be produced: the class fails with their exception, nothing is built. */
@OnlyThroughEngineTestKit
@MultiDbTest(unit = "junit-pg", properties = FailingPropertiesExample.NoServer.class)
public class FailingPropertiesExample {

    @Test
    void neverRuns() {
    }

    static final class NoServer implements MultiDbTestProperties {
        @Override
        public Map<String, ?> properties() {
            throw new IllegalStateException("The test server did not start");
        }
    }
}
