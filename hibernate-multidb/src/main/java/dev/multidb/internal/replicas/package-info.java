/**
 * Replicas: reads of an alias served by its {@code replica-of} aliases, round robin among the healthy
 * ones; read-your-writes; writes refused on replicas; failover to another replica or the primary.
 *
 * <p>Guarantees: inside a transaction that wrote to an alias, and for its read-your-writes window after
 * the commit, reads of that alias go to the alias itself; nothing is ever written through a replica's
 * session; a replica that fails is left out of rotation for {@value
 * dev.multidb.internal.replicas.Replicas#BACKOFF_MILLIS} ms.
 */
package dev.multidb.internal.replicas;
