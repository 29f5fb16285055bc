package dev.multidb.benchmarks.replicas;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.benchmarks.Rotation;
import dev.multidb.benchmarks.Item;
import dev.multidb.testservers.StreamingCluster;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;
import org.hibernate.jpa.HibernatePersistenceProvider;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Read throughput with replicas on real PostgreSQL: hibernate-multidb with a primary and two streaming
 * replicas ({@code replica-of}), hibernate-multidb on the primary alone, and plain Hibernate over
 * ShardingSphere-JDBC 5.5.2's read/write splitting over the same three servers.
 *
 * <p>Each fork starts its own three servers ({@link StreamingCluster}), writes {@value #ROWS} rows on the
 * primary, waits until both replicas have replayed them, builds the three factories, checks that each sees
 * every row and that its reads go where they should (replicas in turn, or the primary), then measures them
 * one per iteration, in the order of {@link #rotation}, round after round: the three sides run seconds apart
 * in one warmed-up JVM ({@code benchmarks/report.py} splits JMH's per-iteration scores again). It
 *  * measures. The operation is what a web request does for one read: a new entity manager, {@code find} by
 * an assigned id (ShardingSphere cannot do generated ids with Hibernate), close; outside a transaction.
 * Two threads, each walking the ids from its own random start.
 *
 * <p>Every side pools with HikariCP, at most 10 connections and 1 idle per server (the defaults of
 * multidb's alias pools; ShardingSphere's pools are built the same way, replicas read-only as
 * multidb's are). Throughput in operations per second (higher is better): the ratios a/b and a/c read as
 * "how many times the reads of (b) or (c)".
 *
 * <p>All three servers and the benchmark share this machine's cores, so spreading reads over replicas
 * cannot add capacity here: the ratios measure what the routing costs, not what replicas gain. Defaults: 4
 * forks, warm-up 30 × 2.5 s (25 s for each side: ShardingSphere looked several times slower after 10 s),
 * measurement 9 × 2.5 s (three of each side).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
@Fork(value = 4, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseSerialGC", "-Dorg.jboss.logging.provider=slf4j"})
@Warmup(iterations = 30, time = 2500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 9, time = 2500, timeUnit = TimeUnit.MILLISECONDS)
public class ReplicaReadBenchmark {

    /** Rows written on the primary before measuring; ids 1..ROWS. */
    static final int ROWS = 5_000;

    private static final String DATABASE = "bench";
    private static final int POOL_SIZE = 10;

    /**
     * The side of each iteration, in turn: {@code multidbReplicas}: (a) multidb, primary {@code default} and
     * replicas {@code replica1}, {@code replica2}; {@code multidbPrimary}: (b) multidb, {@code default} only;
     * {@code shardingSphere}: (c) Hibernate over ShardingSphere-JDBC read/write splitting (round robin over
     * both replicas).
     */
    @Param({"read:multidbReplicas read:multidbPrimary read:shardingSphere"})
    public String rotation;

    private StreamingCluster servers;
    private final Map<String, EntityManagerFactory> factories = new LinkedHashMap<>();
    private Rotation<EntityManagerFactory> turns;
    private volatile EntityManagerFactory factory;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    /** Each benchmark thread's position in the ids. */
    @State(Scope.Thread)
    public static class Cursor {
        long next;

        @Setup(Level.Trial)
        public void start() {
            next = ThreadLocalRandom.current().nextInt(ROWS);
        }
    }

    @Setup(Level.Trial)
    public void start() throws Exception {
        try {
            prepare();
        } catch (Exception | Error e) {
            stop();
            throw e;
        }
    }

    private void prepare() throws Exception {
        servers = StreamingCluster.start(2);
        StreamingCluster.execute(servers.primaryUrl("postgres"), "create database " + DATABASE);
        String primary = servers.primaryUrl(DATABASE);
        StreamingCluster.execute(primary,
                "create table Item (id bigint primary key, name varchar(255), quantity integer not null)");
        StreamingCluster.execute(primary, "insert into Item (id, name, quantity) select g, 'item ' || g, g % 100"
                + " from generate_series(1, " + ROWS + ") g");
        StreamingCluster.execute(primary, "analyze Item");
        servers.awaitReplication();
        factories.put("multidbReplicas", multidbFactory("multidbReplicas", true));
        factories.put("multidbPrimary", multidbFactory("multidbPrimary", false));
        factories.put("shardingSphere", shardingSphere());
        for (Map.Entry<String, EntityManagerFactory> side : factories.entrySet()) {
            checkRows(side.getKey(), side.getValue());
            checkRouting(side.getKey(), side.getValue());
        }
        turns = Rotation.parse(rotation, side -> {
            EntityManagerFactory found = factories.get(side);
            if (found == null) {
                throw new IllegalArgumentException("side must be one of " + factories.keySet() + ", not '" + side + "'");
            }
            return found;
        });
    }

    /** The next side of the rotation. */
    @Setup(Level.Iteration)
    public void nextTurn() {
        factory = turns.next().side();
    }

    private Map<String, Object> multidbProperties(boolean replicas) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("multidb.databases.default.url", servers.primaryUrl(DATABASE));
        List<String> aliases = new ArrayList<>(List.of("default"));
        if (replicas) {
            for (int index = 1; index <= servers.replicaCount(); index++) {
                properties.put("multidb.databases.replica" + index + ".url", servers.replicaUrl(index, DATABASE));
                properties.put("multidb.databases.replica" + index + ".replica-of", "default");
                aliases.add("replica" + index);
            }
        }
        for (String alias : aliases) {
            properties.put("multidb.databases." + alias + ".username", StreamingCluster.USER);
            properties.put("multidb.databases." + alias + ".password", "postgres");   // trust: any will do
        }
        return properties;
    }

    private MultiDbEntityManagerFactory multidbFactory(String name, boolean replicas) {
        PersistenceConfiguration configuration = new PersistenceConfiguration("replica-read-" + name)
                .provider("dev.multidb.MultiDbPersistenceProvider")
                .managedClass(Item.class)
                .properties(multidbProperties(replicas));
        return (MultiDbEntityManagerFactory) Persistence.createEntityManagerFactory(configuration);
    }

    private HikariDataSource pool(String name, String url, boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(StreamingCluster.USER);
        config.setPassword("postgres");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setReadOnly(readOnly);
        HikariDataSource pool = new HikariDataSource(config);
        closeables.add(pool);
        return pool;
    }

    /** ShardingSphere's readwrite-splitting rule over the same three servers, in its YAML form. */
    private EntityManagerFactory shardingSphere() throws Exception {
        Map<String, DataSource> pools = new LinkedHashMap<>();
        pools.put("primary_ds", pool("primary_ds", servers.primaryUrl(DATABASE), false));
        pools.put("replica_ds_1", pool("replica_ds_1", servers.replicaUrl(1, DATABASE), true));
        pools.put("replica_ds_2", pool("replica_ds_2", servers.replicaUrl(2, DATABASE), true));
        String yaml = """
                databaseName: bench
                rules:
                - !READWRITE_SPLITTING
                  dataSourceGroups:
                    readwrite_ds:
                      writeDataSourceName: primary_ds
                      readDataSourceNames:
                        - replica_ds_1
                        - replica_ds_2
                      transactionalReadQueryStrategy: PRIMARY
                      loadBalancerName: round_robin
                  loadBalancers:
                    round_robin:
                      type: ROUND_ROBIN
                - !SINGLE
                  tables:
                    - "*.*"
                  defaultDataSource: readwrite_ds
                props:
                  sql-show: false
                """;
        DataSource dataSource = YamlShardingSphereDataSourceFactory.createDataSource(pools,
                yaml.getBytes(StandardCharsets.UTF_8));
        if (dataSource instanceof AutoCloseable closeable) {
            closeables.add(0, closeable);
        }
        PersistenceConfiguration configuration = new PersistenceConfiguration("replica-read-shardingsphere")
                .provider(HibernatePersistenceProvider.class.getName())
                .managedClass(Item.class)
                .property("jakarta.persistence.nonJtaDataSource", dataSource)
                // Hibernate 7 does not start on ShardingSphere-JDBC 5.5.2 without it: the sequence check fails.
                .property("hibernate.id.sequence.increment_size_mismatch_strategy", "none")
                .property("jakarta.persistence.schema-generation.database.action", "none");
        return Persistence.createEntityManagerFactory(configuration);
    }

    private static void checkRows(String setup, EntityManagerFactory factory) {
        try (EntityManager em = factory.createEntityManager()) {
            long count = em.createQuery("select count(e) from Item e", Long.class).getSingleResult();
            if (count != ROWS || em.find(Item.class, (long) ROWS) == null) {
                throw new IllegalStateException(setup + " sees " + count + " rows, expected " + ROWS);
            }
        }
    }

    /**
     * Proves where the measured reads go. multidb: a factory built alike, with a statement listener,
     * reads ten rows; ShardingSphere: {@code inet_server_port()} through the measured factory, a select
     * its rule sends to the replicas.
     */
    private void checkRouting(String setup, EntityManagerFactory factory) {
        Set<String> seen = new TreeSet<>();
        Set<String> expected = new TreeSet<>();
        if (setup.equals("shardingSphere")) {
            for (int i = 0; i < 10; i++) {
                try (EntityManager em = factory.createEntityManager()) {
                    seen.add(String.valueOf(em.createNativeQuery("select inet_server_port()").getSingleResult()));
                }
            }
            expected.add(String.valueOf(servers.replicaPort(1)));
            expected.add(String.valueOf(servers.replicaPort(2)));
        } else {
            boolean replicas = setup.equals("multidbReplicas");
            try (MultiDbEntityManagerFactory check = multidbFactory(setup + "-check", replicas)) {
                check.addStatementListener((alias, sql) -> {
                    synchronized (seen) {
                        seen.add(alias);
                    }
                });
                for (long id = 1; id <= 10; id++) {
                    try (EntityManager em = check.createEntityManager()) {
                        em.find(Item.class, id);
                    }
                }
            }
            expected.addAll(replicas ? List.of("replica1", "replica2") : List.of("default"));
        }
        if (!seen.equals(expected)) {
            throw new IllegalStateException(setup + ": reads went to " + seen + ", expected " + expected);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        for (EntityManagerFactory each : factories.values()) {
            each.close();
        }
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                // the servers go next anyway
            }
        }
        if (servers != null) {
            servers.close();
        }
    }

    /** New entity manager, {@code find} by id outside a transaction, close; ids cycle through all rows. */
    @Benchmark
    public Item readById(Cursor cursor) {
        long id = cursor.next++ % ROWS + 1;
        try (EntityManager em = factory.createEntityManager()) {
            return em.find(Item.class, id);
        }
    }
}
