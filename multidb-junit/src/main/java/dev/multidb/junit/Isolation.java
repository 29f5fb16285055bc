package dev.multidb.junit;

/**
 * How the work of one test on its declared aliases is undone before the next test, chosen with
 * {@link MultiDbTest#isolation()}.
 */
public enum Isolation {

    /**
     * Django's {@code TestCase}, the default: every declared alias runs the whole test class in one
     * database transaction on one connection, and each test is rolled back to the state before it.
     *
     * <p>How: before the class, one connection per declared alias is taken from that alias's pool, put in
     * manual-commit mode, and every connection the alias hands out (to Hibernate and to
     * {@code dataSource(alias)}) is a handle on it. On that handle {@code close()} only closes the handle,
     * {@code setAutoCommit(..)} is ignored ({@code getAutoCommit()} is {@code false}),
     * {@code setReadOnly(..)} and {@code setTransactionIsolation(..)} are ignored (the transaction is
     * already open), {@code commit()} ends an inner transaction by releasing its savepoint and taking a
     * new one, and {@code rollback()} rolls back to that savepoint. So code under test that begins,
     * commits and rolls back its own transactions behaves as usual within the test, a failed statement
     * followed by {@code rollback()} recovers (also on PostgreSQL), and nothing is ever committed. Each
     * test starts at a savepoint and is rolled back to it afterwards; rows written in
     * {@code @BeforeAll} methods are therefore seen by every test of the class and rolled back after the
     * class (Django's {@code setUpTestData}).
     *
     * <p>Hazards: all threads share the one connection of an alias (JDBC connections are not meant for
     * concurrent use: keep threads of a test to one statement at a time per alias); writes are not
     * visible to connections outside the test (another process, a server started by the test, a second
     * pool); locking behaviour between "connections" of an alias cannot be tested; on PostgreSQL a failed
     * statement aborts the transaction until {@code rollback()}, so code that relies on auto-commit to
     * carry on after a failed statement needs {@link #TRUNCATE}; {@code COMMIT} or {@code ROLLBACK} sent
     * as SQL text bypasses the handles; on MySQL and MariaDB, DDL commits implicitly, which ends the
     * test's transaction. Use {@link #TRUNCATE} in those cases.
     */
    ROLLBACK,

    /**
     * Django's {@code TransactionTestCase}: connections behave as in production (commits are real and
     * visible to every other connection), and after each test every table of the unit's entities that
     * exists on a declared alias is emptied (replicas excluded: they are copies). Slower than
     * {@link #ROLLBACK}; use it for code that needs committed data seen by other connections or threads.
     *
     * <p>Tables are emptied with {@code TRUNCATE} (PostgreSQL: one statement for all tables; H2 and
     * MySQL/MariaDB with foreign-key checks off for the duration), on other products with
     * {@code DELETE} repeated until foreign keys allow it. Sequences and identity counters are not reset.
     * Rows written in {@code @BeforeAll} methods are emptied after the first test. Tables that belong to
     * no entity (Liquibase's history, a table-based id generator) are left alone.
     */
    TRUNCATE
}
