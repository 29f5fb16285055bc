package dev.multidb.benchmarks;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What hibernate-multidb costs against plain Hibernate on the same H2 in-memory database (the design's
 * performance budget: under 3% on {@code find}, {@code persist} and simple JPQL).
 *
 * <p><b>Paired operations.</b> Every fork builds both factories on one database, so both sides see the same
 * rows. Each invocation of {@link #pair} runs the {@link #workload} once on each side, plain Hibernate first on
 * even invocations and hibernate-multidb first on odd ones, and times each operation with
 * {@link System#nanoTime()}. The two operations of a pair run microseconds apart: whatever slows the machine
 * slows both (on a shared 2-core virtual machine, one-second iterations of one side vary by 5–20%, which
 * swamps a 3% difference when the sides are measured one iteration after the other). The times of each side
 * are summed per iteration in the {@link Pairs} counters; {@code benchmarks/report.py} divides them, one ratio
 * per iteration. JMH's own score is the time of a whole pair and means nothing by itself.
 *
 * <p><b>Stalls.</b> A pair in which either operation took longer than {@link #STALL_NANOS} is not counted
 * (but is counted as stalled): the operations take 3–40 µs, and a millisecond is a garbage-collection pause
 * or the virtual machine being descheduled, which lands on whichever side happens to run and would add
 * noise to one side only. Garbage collection is a real cost, proportional to the bytes allocated, so those
 * are measured too: every {@link #ALLOCATION_SAMPLE}th pair measures each side's allocated bytes instead of
 * its time.
 *
 * <p>Each operation opens and closes its own entity manager, as a request of a web application would: the
 * multidb side pays for routing, its child session and its audited connection there. Defaults: 4 forks per
 * workload (two per {@link #createdFirst}), warm-up 15 × 1 s, measurement 10 × 1 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseSerialGC", "-Dorg.jboss.logging.provider=slf4j"})
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 10, time = 1)
public class EntityManagerBenchmark {

    /** Rows loaded before measuring; ids 1..ROWS. */
    static final int ROWS = 5_000;

    /** Rows a {@code select100} returns. */
    static final int PAGE = 100;

    /** A pair with an operation longer than this (1 ms) is left out of the times: a stall, not the work. */
    static final long STALL_NANOS = 1_000_000;

    /** Every this many pairs, one measures allocated bytes rather than time. */
    static final int ALLOCATION_SAMPLE = 64;

    private static final String RANGE = "select e from Item e where e.id between :a and :b";

    /** What each operation does: {@code find}, {@code persist} (+ commit) or {@code select100}. */
    @Param({"find", "persist", "select100"})
    public String workload;

    /**
     * Which side's factory is built first. Half the forks build each first: of two identical plain Hibernate
     * factories in one JVM, the one built first measured 2–3% slower (see BENCHMARKS.md), which would
     * otherwise count against whichever side is always built first.
     */
    @Param({"multidb", "plain"})
    public String createdFirst;

    /** The sums of one iteration, which JMH reports per iteration (secondary results). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Pairs {
        /** Time of the plain Hibernate operations of the timed pairs. */
        public long plainNanos;
        /** Time of the hibernate-multidb operations of the same pairs. */
        public long multidbNanos;
        /** Pairs whose times are in the two sums above. */
        public long timedPairs;
        /** Pairs left out because an operation took longer than {@link #STALL_NANOS}. */
        public long stalledPairs;
        /** Bytes allocated by the plain Hibernate operations of the sampled pairs. */
        public long plainBytes;
        /** Bytes allocated by the hibernate-multidb operations of the same pairs. */
        public long multidbBytes;
        /** Pairs that measured allocation. */
        public long sampledPairs;

        @Setup(Level.Iteration)
        public void reset() {
            plainNanos = 0;
            multidbNanos = 0;
            timedPairs = 0;
            stalledPairs = 0;
            plainBytes = 0;
            multidbBytes = 0;
            sampledPairs = 0;
        }
    }

    private interface Operation {
        Object run(EntityManagerFactory side);
    }

    private EntityManagerFactory plain;
    private EntityManagerFactory multidb;
    private Operation operation;
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private long invocations;
    private long nextFind;
    private long nextPage;
    private long nextNewId = ROWS + 1;

    @Setup(Level.Trial)
    public void start() {
        if (createdFirst.equals("plain")) {
            plain = Persistence.createEntityManagerFactory("plain");
            multidb = Persistence.createEntityManagerFactory("multidb");   // drop-and-create of Item
        } else {
            multidb = Persistence.createEntityManagerFactory("multidb");
            plain = Persistence.createEntityManagerFactory("plain");
        }
        operation = switch (workload) {
            case "find" -> this::find;
            case "persist" -> this::persistAndCommit;
            case "select100" -> this::select100;
            default -> throw new IllegalArgumentException(
                    "workload must be find, persist or select100, not '" + workload + "'");
        };
        preload();
        checkBothSidesSeeTheRows(plain);
        checkBothSidesSeeTheRows(multidb);
    }

    private void preload() {
        try (EntityManager em = plain.createEntityManager()) {
            em.getTransaction().begin();
            for (int id = 1; id <= ROWS; id++) {
                em.persist(new Item(id, "item " + id, id % 100));
                if (id % 500 == 0) {
                    em.flush();
                    em.clear();
                }
            }
            em.getTransaction().commit();
        }
    }

    private static void checkBothSidesSeeTheRows(EntityManagerFactory factory) {
        try (EntityManager em = factory.createEntityManager()) {
            long count = em.createQuery("select count(e) from Item e", Long.class).getSingleResult();
            int page = em.createQuery(RANGE, Item.class).setParameter("a", 1L).setParameter("b", (long) PAGE)
                    .getResultList().size();
            if (count != ROWS || page != PAGE || em.find(Item.class, (long) ROWS) == null) {
                throw new IllegalStateException(factory + " sees " + count + " rows and a page of " + page
                        + "; expected " + ROWS + " and " + PAGE + ": the two units are not on one database");
            }
        }
    }

    /** Keeps the table at {@link #ROWS} rows for every iteration of {@code persist}. */
    @TearDown(Level.Iteration)
    public void removeInsertedRows() {
        try (EntityManager em = plain.createEntityManager()) {
            em.getTransaction().begin();
            em.createQuery("delete from Item e where e.id > :last").setParameter("last", (long) ROWS)
                    .executeUpdate();
            em.getTransaction().commit();
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        multidb.close();
        plain.close();
    }

    /** The workload once on each side, alternating which goes first; see the class comment. */
    @Benchmark
    public void pair(Pairs pairs, Blackhole results) {
        long invocation = invocations++;
        boolean plainFirst = (invocation & 1) == 0;
        EntityManagerFactory first = plainFirst ? plain : multidb;
        EntityManagerFactory second = plainFirst ? multidb : plain;
        if (invocation % ALLOCATION_SAMPLE == 0) {
            long before = threads.getCurrentThreadAllocatedBytes();
            results.consume(operation.run(first));
            long between = threads.getCurrentThreadAllocatedBytes();
            results.consume(operation.run(second));
            long after = threads.getCurrentThreadAllocatedBytes();
            pairs.plainBytes += plainFirst ? between - before : after - between;
            pairs.multidbBytes += plainFirst ? after - between : between - before;
            pairs.sampledPairs++;
            return;
        }
        long start = System.nanoTime();
        results.consume(operation.run(first));
        long between = System.nanoTime();
        results.consume(operation.run(second));
        long end = System.nanoTime();
        long firstNanos = between - start;
        long secondNanos = end - between;
        if (firstNanos > STALL_NANOS || secondNanos > STALL_NANOS) {
            pairs.stalledPairs++;
            return;
        }
        pairs.plainNanos += plainFirst ? firstNanos : secondNanos;
        pairs.multidbNanos += plainFirst ? secondNanos : firstNanos;
        pairs.timedPairs++;
    }

    /** {@code find} by id in a new entity manager, outside a transaction; ids cycle through all rows. */
    private Item find(EntityManagerFactory side) {
        long id = nextFind % ROWS + 1;
        nextFind++;
        try (EntityManager em = side.createEntityManager()) {
            return em.find(Item.class, id);
        }
    }

    /** One new entity in a new entity manager: begin, persist, commit (the insert runs at commit). */
    private Item persistAndCommit(EntityManagerFactory side) {
        Item item = new Item(nextNewId++, "new item", 1);
        try (EntityManager em = side.createEntityManager()) {
            em.getTransaction().begin();
            em.persist(item);
            em.getTransaction().commit();
        }
        return item;
    }

    /** A JPQL range select returning {@link #PAGE} rows, in a new entity manager, outside a transaction. */
    private List<Item> select100(EntityManagerFactory side) {
        long first = nextPage * PAGE + 1;
        nextPage = (nextPage + 1) % (ROWS / PAGE);
        try (EntityManager em = side.createEntityManager()) {
            return em.createQuery(RANGE, Item.class)
                    .setParameter("a", first)
                    .setParameter("b", first + PAGE - 1)
                    .getResultList();
        }
    }
}
