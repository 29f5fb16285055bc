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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What hibernate-multidb costs against plain Hibernate on the same H2 in-memory database (the design's
 * performance budget: under 3% on {@code find}, {@code persist} and simple JPQL).
 *
 * <p>Every fork builds both factories on one database, so both sides see the same rows, and measures
 * every workload on both sides, one per iteration, in the order of {@link #rotation}: {@code find} on plain
 * Hibernate, then on hibernate-multidb, then {@code persist}, and so on, round after round. The two sides of a
 * workload thus run seconds apart in the same JVM, warmed up alike, and each pair of neighbouring iterations
 * gives one ratio ({@code benchmarks/report.py} splits JMH's per-iteration results by this rotation; the
 * score JMH prints itself mixes all of them and means nothing). The benchmark code knows nothing but
 * {@link EntityManagerFactory}. Each operation opens and closes its own entity manager, as a request of a
 * web application would: the multidb side pays for routing, its child session and its audited connection
 * there.
 *
 * <p>Average time per operation: the ratio multidb/plain is the overhead (1.03 = 3% slower). Defaults: 4
 * forks (two per {@link #createdFirst}), warm-up 30 × 1 s (5 s for each of the six workload-side pairs, 30 s
 * for the JVM), measurement 24 × 1 s (four of each); the warm-up count is a multiple of the rotation, so
 * measuring starts at its first entry.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseSerialGC", "-Dorg.jboss.logging.provider=slf4j"})
@Warmup(iterations = 30, time = 1)
@Measurement(iterations = 24, time = 1)
public class EntityManagerBenchmark {

    /** Rows loaded before measuring; ids 1..ROWS. */
    static final int ROWS = 5_000;

    /** Rows a {@link #select100()} returns. */
    static final int PAGE = 100;

    private static final String RANGE = "select e from Item e where e.id between :a and :b";

    /** The workload and side of each iteration, in turn: {@code workload:side}, separated by spaces. */
    @Param({"find:plain find:multidb persist:plain persist:multidb select100:plain select100:multidb"})
    public String rotation;

    /**
     * Which side's factory is built first. Half the forks build each first: of two identical plain Hibernate
     * factories in one JVM, the one built first measured 2–3% slower (see BENCHMARKS.md), which would
     * otherwise count against whichever side is always built first.
     */
    @Param({"multidb", "plain"})
    public String createdFirst;

    private EntityManagerFactory plain;
    private EntityManagerFactory multidb;
    private Rotation<EntityManagerFactory> turns;
    private EntityManagerFactory measured;
    private String workload;

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
        turns = Rotation.parse(rotation, side -> switch (side) {
            case "plain" -> plain;
            case "multidb" -> multidb;
            default -> throw new IllegalArgumentException("side must be plain or multidb, not '" + side + "'");
        });
        preload();
        checkBothSidesSeeTheRows(plain);
        checkBothSidesSeeTheRows(multidb);
    }

    /** The next entry of the rotation. */
    @Setup(Level.Iteration)
    public void nextTurn() {
        Rotation.Turn<EntityManagerFactory> turn = turns.next();
        workload = turn.workload();
        measured = turn.side();
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

    /** Keeps the table at {@link #ROWS} rows for every iteration of {@link #persistAndCommit()}. */
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

    /** This iteration's workload on this iteration's side. */
    @Benchmark
    public Object operation() {
        return switch (workload) {
            case "find" -> find();
            case "persist" -> persistAndCommit();
            case "select100" -> select100();
            default -> throw new IllegalStateException("unknown workload '" + workload + "'");
        };
    }

    /** {@code find} by id in a new entity manager, outside a transaction; ids cycle through all rows. */
    private Item find() {
        long id = nextFind % ROWS + 1;
        nextFind++;
        try (EntityManager em = measured.createEntityManager()) {
            return em.find(Item.class, id);
        }
    }

    /** One new entity in a new entity manager: begin, persist, commit (the insert runs at commit). */
    private Item persistAndCommit() {
        Item item = new Item(nextNewId++, "new item", 1);
        try (EntityManager em = measured.createEntityManager()) {
            em.getTransaction().begin();
            em.persist(item);
            em.getTransaction().commit();
        }
        return item;
    }

    /** A JPQL range select returning {@link #PAGE} rows, in a new entity manager, outside a transaction. */
    private List<Item> select100() {
        long first = nextPage * PAGE + 1;
        nextPage = (nextPage + 1) % (ROWS / PAGE);
        try (EntityManager em = measured.createEntityManager()) {
            return em.createQuery(RANGE, Item.class)
                    .setParameter("a", first)
                    .setParameter("b", first + PAGE - 1)
                    .getResultList();
        }
    }
}
