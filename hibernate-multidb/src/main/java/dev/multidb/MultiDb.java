package dev.multidb;

import dev.multidb.internal.stickiness.StickyAliases;

/** Static helpers, usable anywhere, routers included. */
public final class MultiDb {

    private MultiDb() {
    }

    /**
     * The alias {@code entity} is stuck to: the one it was loaded from or last written to, also after it
     * was detached; {@code null} for an instance never loaded or stored (or {@code null} itself). This is
     * Django's {@code instance._state.db}, and what a router uses to keep related instances together.
     */
    public static String aliasOf(Object entity) {
        return StickyAliases.aliasOf(entity);
    }
}
