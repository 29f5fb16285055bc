package dev.multidb.junit.examples;

import dev.multidb.junit.MultiDbTest;
import dev.multidb.junit.support.OnlyThroughEngineTestKit;
import org.junit.jupiter.api.Test;

/** An alias like no configured one: the class fails, with no suggestion. */
@OnlyThroughEngineTestKit
@MultiDbTest(unit = "junit-h2", databases = "void")
public class UnknownAliasWithoutSuggestionExample {

    @Test
    void neverRuns() {
    }
}
