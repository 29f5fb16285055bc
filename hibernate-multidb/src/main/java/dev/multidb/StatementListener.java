package dev.multidb;

/**
 * Told about every SQL statement sent to any alias, in the order they are sent, with the alias whose
 * pool supplied the connection. Register it with
 * {@link MultiDbEntityManagerFactory#addStatementListener(StatementListener)}.
 *
 * <p>Statements are reported when they are prepared or executed on a connection of the alias's pool,
 * including connections handed out by {@link MultiDbEntityManagerFactory#dataSource(String)}. A
 * listener runs on the thread sending the statement, must be thread-safe and fast; an exception it
 * throws propagates to the code that sent the statement, which is how a test can forbid an alias.
 */
@FunctionalInterface
public interface StatementListener {
    /**
     * @param alias the alias of the connection the statement goes to
     * @param sql   the SQL text as given to the JDBC driver (parameters not inlined)
     */
    void onStatement(String alias, String sql);
}
