/**
 * What users of hibernate-multidb touch: the persistence provider, the routed entity manager and its
 * factory, routers and their hints, {@code @Database}, the statement listener, and the exceptions.
 *
 * <p>Guarantees: these types and their documented behaviour are the public contract; nothing here
 * exposes a type of {@code dev.multidb.internal}, which may change at any time.
 */
package dev.multidb;
