/**
 * Test classes as users write them, run by the tests of {@code dev.multidb.junit} through JUnit's
 * {@code EngineTestKit}; some fail on purpose. They are disabled when discovered directly
 * ({@link dev.multidb.junit.support.OnlyThroughEngineTestKit}) and their names do not end in {@code Test}.
 */
package dev.multidb.junit.examples;
