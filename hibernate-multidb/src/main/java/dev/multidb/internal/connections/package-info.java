/**
 * Connections: one HikariCP pool per alias, the {@code MultiTenantConnectionProvider} whose tenant id
 * is the alias, and the statement audit that tells {@link dev.multidb.StatementListener}s where each
 * statement went.
 *
 * <p>Guarantees: a pool is created once per alias and closed once when the factory closes; every
 * connection handed out, to Hibernate or through {@code dataSource(alias)}, reports its statements
 * under the alias of the pool it came from; a statement with a query timeout waits no longer than that
 * timeout (and a grace) for a PostgreSQL, MariaDB or MySQL server that stopped answering; no password reaches an exception message
 * thrown from here.
 *
 * <p>The JDBC delegates extend classes generated from the interfaces named below ({@code ForwardingConnection},
 * ...): they override only what does more than forward.
 */
@Forwarding(java.sql.Connection.class)
@Forwarding(java.sql.Statement.class)
@Forwarding(java.sql.PreparedStatement.class)
package dev.multidb.internal.connections;

import dev.multidb.codegen.Forwarding;
