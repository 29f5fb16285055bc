package dev.multidb.internal.replicas;

import java.util.function.Supplier;

/** Work during which every read of this thread goes to primaries: {@code MultiDb.onPrimary(...)}. */
public final class PrimaryScope {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private PrimaryScope() {
    }

    public static <T> T call(Supplier<T> work) {
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
            return work.get();
        } finally {
            depth[0]--;
        }
    }

    static boolean active() {
        return DEPTH.get()[0] > 0;
    }
}
