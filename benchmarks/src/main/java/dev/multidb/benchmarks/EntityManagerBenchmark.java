package dev.multidb.benchmarks;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What hibernate-multidb costs against plain Hibernate on the same H2 in-memory database (the design's
 * performance budget: under 3% on {@code find}, {@code persist} and simple JPQL).
 *
 * <p>Every fork builds both factories on one database, so both sides see the same rows, and measures one
 * {@link #workload}. Each invocation of {@link #pair} runs it once on each side, microseconds apart, timed
 * operation by operation ({@link Pairs}: plain Hibernate is the base side, hibernate-multidb the other;
 * stalls left out and counted, allocation sampled). JMH's own score is the time of a whole pair and means
 * nothing by itself; {@code benchmarks/report.py} divides the per-iteration sums of {@link Pairs}.
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

    private interface Workload {
        Object run(EntityManagerFactory side);
    }

    private EntityManagerFactory plain;
    private EntityManagerFactory multidb;
    private Pairs.Operation onPlain;
    private Pairs.Operation onMultidb;

    private long nextFind;
    private long nextPage;
    private long nextNewId = ROWS + 1;

    @Setup(Level.Trial)
    public void start() {
        if (createdFirst.equals("plain")) {
            plain = Persistence.createEntityManagerFactory("plain");
            multidb = Persistence.createEntityManagerFactory(multidbUnit());   // drop-and-create of Item
        } else {
            multidb = Persistence.createEntityManagerFactory(multidbUnit());
            plain = Persistence.createEntityManagerFactory("plain");
        }
        Workload operation = switch (workload) {
            case "find" -> this::find;
            case "persist" -> this::persistAndCommit;
            case "select100" -> this::select100;
            default -> throw new IllegalArgumentException(
                    "workload must be find, persist or select100, not '" + workload + "'");
        };
        onPlain = () -> operation.run(plain);
        onMultidb = () -> operation.run(multidb);
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

    /** The hibernate-multidb unit measured: one alias on the benchmark's database. */
    protected String multidbUnit() {
        return "multidb";
    }

    @TearDown(Level.Trial)
    public void stop() {
        multidb.close();
        plain.close();
    }

    /** The workload once on each side: plain Hibernate, hibernate-multidb, in alternating order. */
    @Benchmark
    public void pair(Pairs pairs, Blackhole results) {
        pairs.run(onPlain, onMultidb, results);
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
