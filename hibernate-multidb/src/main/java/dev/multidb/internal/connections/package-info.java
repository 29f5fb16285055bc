/**
 * Connections: one HikariCP pool per alias, the {@code MultiTenantConnectionProvider} whose tenant id
 * is the alias, and the statement audit that tells {@link dev.multidb.StatementListener}s where each
 * statement went.
 *
 * <p>Guarantees: a pool is created once per alias and closed once when the factory closes; every
 * connection handed out, to Hibernate or through {@code dataSource(alias)}, reports its statements
 * under the alias of the pool it came from; no password reaches an exception message thrown from here.
 */
package dev.multidb.internal.connections;
