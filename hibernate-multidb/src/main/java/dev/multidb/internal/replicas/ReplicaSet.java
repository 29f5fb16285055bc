package dev.multidb.internal.replicas;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** The replicas of one primary: rotation, health, and the time of the last committed write. */
final class ReplicaSet {

    final String primary;
    private final String[] replicas;
    private final long readYourWritesNanos;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLongArray downUntil;
    private final AtomicLong lastWrite = new AtomicLong();
    private volatile boolean everWritten;

    ReplicaSet(String primary, List<String> replicas, long readYourWritesNanos) {
        this.primary = primary;
        this.replicas = replicas.toArray(String[]::new);
        this.readYourWritesNanos = readYourWritesNanos;
        this.downUntil = new AtomicLongArray(this.replicas.length);
    }

    /** The next healthy replica in rotation, or {@code null} when none is healthy. */
    String pick(long now) {
        int count = replicas.length;
        for (int attempt = 0; attempt < count; attempt++) {
            int index = Math.floorMod(next.getAndIncrement(), count);
            if (downUntil.get(index) - now <= 0) {
                return replicas[index];
            }
        }
        return null;
    }

    /** A healthy replica other than {@code failed}, or {@code null}. */
    String other(String failed, long now) {
        for (int index = 0; index < replicas.length; index++) {
            if (!replicas[index].equals(failed) && downUntil.get(index) - now <= 0) {
                return replicas[index];
            }
        }
        return null;
    }

    void markDown(String replica, long until) {
        for (int index = 0; index < replicas.length; index++) {
            if (replicas[index].equals(replica)) {
                downUntil.set(index, until);
            }
        }
    }

    boolean isDown(String replica, long now) {
        for (int index = 0; index < replicas.length; index++) {
            if (replicas[index].equals(replica)) {
                return downUntil.get(index) - now > 0;
            }
        }
        return false;
    }

    void wrote(long now) {
        lastWrite.set(now);
        everWritten = true;
    }

    /** Whether reads must stay on the primary: a write committed less than the window ago. */
    boolean inReadYourWritesWindow(long now) {
        return everWritten && readYourWritesNanos > 0 && now - lastWrite.get() < readYourWritesNanos;
    }
}
