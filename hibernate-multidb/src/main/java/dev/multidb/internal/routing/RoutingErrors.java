package dev.multidb.internal.routing;

import dev.multidb.DatabaseRouter;
import dev.multidb.UnknownDatabaseException;
import java.util.Collection;

/**
 * The messages of the router chain's failures. Kept apart so that the chain's hot path stays short and
 * builds no string unless it is failing; each message says what went wrong, who said it and the fix.
 */
final class RoutingErrors {

    private RoutingErrors() {
    }

    /** A router answered an alias that is not configured. */
    static UnknownDatabaseException unknownFromRouter(String alias, Collection<String> known,
                                                      DatabaseRouter router, String method, Class<?> entityType) {
        return unknown(alias, known,
                router.getClass().getName() + "." + method + "(" + entityType.getName() + ")");
    }

    /** A {@code @Database} annotation names an alias that is not configured. */
    static UnknownDatabaseException unknownFromPin(Pin pin, Collection<String> known) {
        return unknown(pin.alias(), known, pin.source());
    }

    /** Nothing answered and the final fallback, {@code default}, is not configured. */
    static UnknownDatabaseException nothingRouted(Class<?> entityType, boolean write, Collection<String> known) {
        String type = entityType.getName();
        return new UnknownDatabaseException(UnknownDatabaseException.message(RouterChain.DEFAULT, known)
                + " Nothing routed " + type + " for " + (write ? "writing" : "reading")
                + ", so it went to '" + RouterChain.DEFAULT + "', which has no URL. Configure multidb.databases."
                + RouterChain.DEFAULT + ".url or make a router answer for " + type + ".", RouterChain.DEFAULT);
    }

    private static UnknownDatabaseException unknown(String alias, Collection<String> known, String returnedBy) {
        return new UnknownDatabaseException(UnknownDatabaseException.message(alias, known)
                + " It was returned by " + returnedBy + ".", alias);
    }
}
