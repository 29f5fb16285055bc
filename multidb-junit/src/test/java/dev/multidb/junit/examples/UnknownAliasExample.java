package dev.multidb.junit.examples;

import dev.multidb.junit.MultiDbTest;
import dev.multidb.junit.support.OnlyThroughEngineTestKit;
import org.junit.jupiter.api.Test;

/** A misspelt alias: the class fails before its first test, naming the closest alias. */
@OnlyThroughEngineTestKit
@MultiDbTest(unit = "junit-h2", databases = {"default", "defualt"})
public class UnknownAliasExample {

    @Test
    void neverRuns() {
    }
}
