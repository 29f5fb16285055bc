/**
 * Routing: which alias an operation goes to.
 *
 * <p>{@link dev.multidb.internal.routing.RouterChain} asks the built-in {@code @Database} router, then
 * the user's {@link dev.multidb.DatabaseRouter}s in order, with Django's fallbacks (the instance's own
 * alias, then {@code default}). Every alias it returns is configured: an unknown one fails at once with
 * {@link dev.multidb.UnknownDatabaseException} naming the router that said it. Internal: free to change.
 */
package dev.multidb.internal.routing;
