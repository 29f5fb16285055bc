package dev.multidb.internal.connections;

/**
 * What every connection of one alias's pool shares: the alias its statements are reported under, the factory's
 * listeners, and whether its prepared statements bound their waits ({@link StatementTimeouts}).
 *
 * <p>Reporting at the connection, not in Hibernate, is deliberate: it is the only place that knows for certain
 * which database a statement reaches, whatever path sent it (a child session, a lazy load, schema generation, raw
 * JDBC through {@code dataSource(alias)}). A statement is reported when it is prepared, or for plain statements
 * when it is executed or batched, before the driver sees it, so that a listener that throws stops it from being
 * sent.
 *
 * @param boundsStatements whether prepared statements are wrapped so that their query timeouts bound their waits;
 *                         else they are the driver's own, which costs nothing
 */
record StatementAudit(String alias, StatementListeners listeners, boolean boundsStatements) {

    /** Tells the listeners that {@code sql} goes to this alias. */
    void report(String sql) {
        listeners.fire(alias, sql);
    }
}
