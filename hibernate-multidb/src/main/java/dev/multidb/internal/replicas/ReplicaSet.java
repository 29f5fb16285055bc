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
    /** When each replica comes back into rotation; 0 for one that was never out or whose return was logged. */
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
            long until = downUntil.get(index);
            if (until == 0) {
                return replicas[index];
            }
            if (until - now <= 0) {
                if (downUntil.compareAndSet(index, until, 0)) {
                    ReplicaLog.back(replicas[index], primary);
                }
                return replicas[index];
            }
        }
        return null;
    }

    /** A healthy replica other than {@code failed}, or {@code null}. */
    String other(String failed, long now) {
        for (int index = 0; index < replicas.length; index++) {
            if (!replicas[index].equals(failed) && !isDown(index, now)) {
                return replicas[index];
            }
        }
        return null;
    }

    /** Takes {@code replica} out of rotation until {@code until}; whether it was in rotation until now. */
    boolean markDown(String replica, long until, long now) {
        for (int index = 0; index < replicas.length; index++) {
            if (replicas[index].equals(replica)) {
                long before = downUntil.getAndSet(index, until);
                return before == 0 || before - now <= 0;
            }
        }
        return false;
    }

    boolean isDown(String replica, long now) {
        for (int index = 0; index < replicas.length; index++) {
            if (replicas[index].equals(replica)) {
                return isDown(index, now);
            }
        }
        return false;
    }

    private boolean isDown(int index, long now) {
        long until = downUntil.get(index);
        return until != 0 && until - now > 0;
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
