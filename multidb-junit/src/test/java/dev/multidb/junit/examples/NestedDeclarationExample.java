package dev.multidb.junit.examples;

import dev.multidb.junit.MultiDbTest;
import dev.multidb.junit.support.OnlyThroughEngineTestKit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A @Nested class with a declaration of its own inside a declared class: the nested class fails. */
@OnlyThroughEngineTestKit
@MultiDbTest(unit = "junit-h2")
public class NestedDeclarationExample {

    @Test
    void outerRuns() {
    }

    @Nested
    @MultiDbTest(unit = "junit-h2", databases = "other")
    class Inner {
        @Test
        void neverRuns() {
        }
    }
}
