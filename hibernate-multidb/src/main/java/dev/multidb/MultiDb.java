package dev.multidb;

import dev.multidb.internal.replicas.PrimaryScope;
import dev.multidb.internal.stickiness.StickyAliases;

import java.util.function.Supplier;

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
        return StickyAliases.aliasOfAnywhere(entity);
    }

    /**
     * Runs {@code work} with every read of this thread sent to primaries, never to their replicas
     * ({@code replica-of}): for a block that must see the latest committed data, beyond what
     * read-your-writes already guarantees. Nests; routers that name a replica are still obeyed.
     */
    public static <T> T onPrimary(Supplier<T> work) {
        return PrimaryScope.call(work);
    }

    /** {@link #onPrimary(Supplier)} for work without a result. */
    public static void onPrimary(Runnable work) {
        PrimaryScope.call(() -> {
            work.run();
            return null;
        });
    }
}
