/**
 * Relations across databases: refused in the mapping before the factory exists
 * ({@link dev.multidb.internal.relations.RelationValidation}), between instances at flush
 * ({@link dev.multidb.internal.relations.RelationGuard}), and inside queries
 * ({@link dev.multidb.internal.relations.QueryEntityTypes}).
 *
 * <p>Guarantees: an association whose ends live on different databases is either allowed by a router or
 * never built; a write that would store a reference to a row of another database fails before its
 * statement is sent; a query never silently needs a table of another database.
 */
package dev.multidb.internal.relations;
