package dev.multidb.junit.internal;

import java.sql.SQLException;

/** How a class's tests are kept apart on its declared aliases: one implementation per {@link dev.multidb.junit.Isolation}. */
interface TestIsolation {

    /** Before each test (before {@code @BeforeEach} methods). */
    void beforeTest() throws SQLException;

    /** After each test (after {@code @AfterEach} methods and after the test's entity managers are closed). */
    void afterTest() throws SQLException;

    /** After the class (after {@code @AfterAll} methods); releases everything, also after failures. */
    void close() throws SQLException;
}
