package dev.multidb.internal.connections;

import java.sql.Connection;

/**
 * Wraps JDBC connections so that every statement is reported with the alias of the pool it goes to.
 *
 * <p>Reporting at the connection, not in Hibernate, is deliberate: it is the only place that knows for
 * certain which database a statement reaches, whatever path sent it (a child session, a lazy load,
 * schema generation, raw JDBC through {@code dataSource(alias)}). A statement is reported when it is
 * prepared, or for plain statements when it is executed or batched, before the driver sees it,
 * so that a listener that throws stops it from being sent.
 */
final class AuditedConnections {

    private AuditedConnections() {
    }

    /**
     * @param boundsStatements whether prepared statements are wrapped so that their query timeouts bound their
     *                         waits ({@link StatementTimeouts}); else they are the driver's own, which costs nothing
     */
    static Connection wrap(Connection connection, String alias, StatementListeners listeners, boolean boundsStatements) {
        return new AuditedConnection(connection, alias, listeners, boundsStatements);
    }
}
