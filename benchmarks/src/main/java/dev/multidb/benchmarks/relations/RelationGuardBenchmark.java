package dev.multidb.benchmarks.relations;

import dev.multidb.MultiDbEntityManager;
import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.benchmarks.Pairs;
import dev.multidb.internal.relations.RelationGuard;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Persistence;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerGroup;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the flush-time relation check costs (issue #4: at most 5%): a flush and commit of 1 000 new
 * {@link StockLine}s with two associations each, in the unit {@code relations} of two H2 aliases, where
 * the check ({@link RelationGuard}) is registered, against the same unit with the check taken out.
 *
 * <p>Each fork builds the unit twice, on two pairs of H2 databases: as bootstrapped ({@code on}) and with the
 * {@link RelationGuard} instances removed from the session factory's pre-insert, pre-update and
 * pre-collection listener groups ({@code off}; the library has no switch for it). Routing, stickiness
 * listeners and child sessions are the same. Each invocation of {@link #pair} flushes once on each, back to
 * back, timed operation by operation ({@link Pairs}: {@code off} is the base side, {@code on} the other;
 * stalls left out and counted, allocation sampled); {@code benchmarks/report.py} divides the per-iteration
 * sums. The lines refer to products and warehouses through
 * {@code getReference}, as an application that knows the ids would: the check sees proxies of the flushing
 * session, its common case. The lines are deleted after each invocation, so every flush inserts into the
 * same, empty table.
 *
 * <p>Time per flush of 1 000 lines: the ratio {@code on/off} is the check's cost (1.05 = 5%). Defaults: 4
 * forks (two per {@link #createdFirst}), warm-up 20 × 1 s, measurement 10 × 2 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseSerialGC", "-Dorg.jboss.logging.provider=slf4j"})
@Warmup(iterations = 20, time = 1)
@Measurement(iterations = 10, time = 2)
public class RelationGuardBenchmark {

    /** New entities per flush. */
    static final int LINES = 1_000;
    static final int PRODUCTS = 100;
    static final int WAREHOUSES = 10;

    private static final List<EventType<?>> GUARDED = List.of(EventType.PRE_INSERT, EventType.PRE_UPDATE,
            EventType.PRE_COLLECTION_RECREATE, EventType.PRE_COLLECTION_UPDATE);

    /**
     * Which side's factory is built first. Half the forks build each first: of two identical Hibernate
     * factories in one JVM, the one built first measured 2–3% slower (see BENCHMARKS.md).
     */
    @Param({"on", "off"})
    public String createdFirst;

    private MultiDbEntityManagerFactory on;
    private MultiDbEntityManagerFactory off;
    private Pairs.Operation withCheck;
    private Pairs.Operation withoutCheck;

    @Setup(Level.Trial)
    public void start() {
        if (createdFirst.equals("off")) {
            off = unit("off");
            on = unit("on");
        } else {
            on = unit("on");
            off = unit("off");
        }
        if (guards(on) == 0 || guards(off) == 0) {
            throw new IllegalStateException("No RelationGuard is registered: the unit must have two databases");
        }
        removeGuards(off);
        if (guards(off) != 0) {
            throw new IllegalStateException("The relation guard could not be removed");
        }
        withCheck = () -> flushOfThousandLinesWithTwoAssociations(on);
        withoutCheck = () -> flushOfThousandLinesWithTwoAssociations(off);
        load(on);
        load(off);
    }

    private static MultiDbEntityManagerFactory unit(String name) {
        return (MultiDbEntityManagerFactory) Persistence.createEntityManagerFactory("relations", Map.of(
                "multidb.databases.default.url", "jdbc:h2:mem:bench-relations-" + name + "-default;DB_CLOSE_DELAY=-1",
                "multidb.databases.other.url", "jdbc:h2:mem:bench-relations-" + name + "-other;DB_CLOSE_DELAY=-1"));
    }

    private static void load(MultiDbEntityManagerFactory factory) {
        try (EntityManager em = factory.createEntityManager()) {
            em.getTransaction().begin();
            for (long id = 1; id <= PRODUCTS; id++) {
                em.persist(new Product(id, "product " + id));
            }
            for (long id = 1; id <= WAREHOUSES; id++) {
                em.persist(new Warehouse(id, "warehouse " + id));
            }
            em.getTransaction().commit();
        }
    }

    /** Empties the lines tables of both units, so that every flush inserts into the same, empty table. */
    @TearDown(Level.Invocation)
    public void deleteLines() throws SQLException {
        for (MultiDbEntityManagerFactory unit : List.of(on, off)) {
            try (Connection connection = unit.dataSource("default").getConnection();
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate("delete from StockLine");
            }
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws SQLException {
        try {
            for (MultiDbEntityManagerFactory unit : List.of(on, off)) {
                try (Connection connection = unit.dataSource("default").getConnection();
                     Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("select count(*) from StockLine")) {
                    rows.next();
                    if (rows.getLong(1) != 0) {
                        throw new IllegalStateException("Lines were left behind: the invocations did not start alike");
                    }
                }
            }
        } finally {
            on.close();
            off.close();
        }
    }

    /** One flush on each unit, with the check and without, in alternating order. */
    @Benchmark
    public void pair(Pairs pairs, Blackhole results) {
        pairs.run(withoutCheck, withCheck, results);
    }

    /** New entity manager, begin, 1 000 persists with two references each, commit (the flush), close. */
    private static Integer flushOfThousandLinesWithTwoAssociations(MultiDbEntityManagerFactory factory) {
        try (EntityManager em = factory.createEntityManager()) {
            em.getTransaction().begin();
            for (int i = 0; i < LINES; i++) {
                Product product = em.getReference(Product.class, (long) (i % PRODUCTS + 1));
                Warehouse warehouse = em.getReference(Warehouse.class, (long) (i % WAREHOUSES + 1));
                em.persist(new StockLine(i + 1, i, product, warehouse));
            }
            em.getTransaction().commit();
        }
        return LINES;
    }

    /** How many relation guards the unit's session factories have, over the guarded event types. */
    static int guards(MultiDbEntityManagerFactory factory) {
        int count = 0;
        for (EventListenerRegistry registry : registries(factory)) {
            for (EventType<?> type : GUARDED) {
                for (Object listener : registry.getEventListenerGroup(type).listeners()) {
                    if (listener instanceof RelationGuard) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /** Takes every {@link RelationGuard} out of the guarded listener groups, leaving the other listeners. */
    static void removeGuards(MultiDbEntityManagerFactory factory) {
        for (EventListenerRegistry registry : registries(factory)) {
            for (EventType<?> type : GUARDED) {
                withoutGuard(registry.getEventListenerGroup(type));
            }
        }
    }

    private static <T> void withoutGuard(EventListenerGroup<T> group) {
        List<T> kept = new ArrayList<>();
        for (T listener : group.listeners()) {
            if (!(listener instanceof RelationGuard)) {
                kept.add(listener);
            }
        }
        group.clearListeners();
        kept.forEach(group::appendListener);
    }

    private static List<EventListenerRegistry> registries(MultiDbEntityManagerFactory factory) {
        List<EventListenerRegistry> registries = new ArrayList<>();
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            for (String alias : factory.aliases()) {
                SessionFactoryImplementor sessionFactory = (SessionFactoryImplementor)
                        em.using(alias).unwrap(Session.class).getSessionFactory();
                EventListenerRegistry registry = sessionFactory.getServiceRegistry()
                        .requireService(EventListenerRegistry.class);
                if (!registries.contains(registry)) {
                    registries.add(registry);
                }
            }
        }
        return registries;
    }
}
