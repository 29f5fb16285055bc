package dev.multidb.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.lang.management.ManagementFactory;

/**
 * Two sides of a comparison timed in pairs of operations, microseconds apart, and the sums of one iteration,
 * which JMH reports per iteration as secondary results ({@code benchmarks/report.py} divides them).
 *
 * <p>Why pairs: on a shared 2-core virtual machine, one-second iterations of the same code vary by 5–20%,
 * which swamps a difference of a few percent when the sides are measured one iteration after the other.
 * The two operations of a pair run back to back, so whatever slows the machine slows both; which side goes
 * first alternates from pair to pair. Each operation is timed with {@link System#nanoTime()}.
 *
 * <p>Stalls: a pair whose two operations took more than {@value #STALL_NANOS} ns (1 ms) apart is not counted in
 * the times, only in {@link #stalledPairs}: a garbage-collection pause (2–90 ms with the serial collector
 * here) or a descheduled virtual machine fell into one of them, which would add to one side only. The rule is
 * symmetric, and far above the differences measured (a few percent of operations of microseconds to a few
 * milliseconds). Collection is a real cost, in proportion to the bytes allocated, so every
 * {@value #ALLOCATION_SAMPLE}th pair measures each side's allocated bytes instead of its time.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class Pairs {

    /** Every this many pairs, one measures allocated bytes rather than time. */
    private static final int ALLOCATION_SAMPLE = 64;

    /** Two operations of a pair further apart than this (1 ms) are a stall, not the work. */
    private static final long STALL_NANOS = 1_000_000;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** One operation of a side; its result goes to a {@link Blackhole}. */
    @FunctionalInterface
    public interface Operation {
        Object run();
    }

    /** Time of the base side's operations of the timed pairs. */
    public long baseNanos;
    /** Time of the other side's operations of the same pairs. */
    public long otherNanos;
    /** Pairs whose times are in the two sums above. */
    public long timedPairs;
    /** Pairs left out because their two operations took more than 1 ms apart. */
    public long stalledPairs;
    /** Of those, the pairs in which the other side's operation was the longer one (half, if stalls are fair). */
    public long stalledOnOther;
    /** Bytes allocated by the base side's operations of the sampled pairs. */
    public long baseBytes;
    /** Bytes allocated by the other side's operations of the same pairs. */
    public long otherBytes;
    /** Pairs that measured allocation. */
    public long sampledPairs;

    private long invocations;

    @Setup(Level.Iteration)
    public void reset() {
        baseNanos = 0;
        otherNanos = 0;
        timedPairs = 0;
        stalledPairs = 0;
        stalledOnOther = 0;
        baseBytes = 0;
        otherBytes = 0;
        sampledPairs = 0;
    }

    /** Runs each side once, alternating which goes first, and adds their times (or bytes) to the sums. */
    public void run(Operation base, Operation other, Blackhole results) {
        long invocation = invocations++;
        boolean baseFirst = (invocation & 1) == 0;
        Operation first = baseFirst ? base : other;
        Operation second = baseFirst ? other : base;
        if (invocation % ALLOCATION_SAMPLE == 0) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            results.consume(first.run());
            long between = THREADS.getCurrentThreadAllocatedBytes();
            results.consume(second.run());
            long after = THREADS.getCurrentThreadAllocatedBytes();
            baseBytes += baseFirst ? between - before : after - between;
            otherBytes += baseFirst ? after - between : between - before;
            sampledPairs++;
            return;
        }
        long start = System.nanoTime();
        results.consume(first.run());
        long between = System.nanoTime();
        results.consume(second.run());
        long end = System.nanoTime();
        long firstNanos = between - start;
        long secondNanos = end - between;
        if (Math.abs(firstNanos - secondNanos) > STALL_NANOS) {
            stalledPairs++;
            if ((firstNanos > secondNanos) != baseFirst) {
                stalledOnOther++;
            }
            return;
        }
        baseNanos += baseFirst ? firstNanos : secondNanos;
        otherNanos += baseFirst ? secondNanos : firstNanos;
        timedPairs++;
    }
}
