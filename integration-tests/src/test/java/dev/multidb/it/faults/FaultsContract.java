package dev.multidb.it.faults;

import dev.multidb.MultiDbEntityManager;
import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.PartialCommitException;
import dev.multidb.testmodel.Person;
import dev.multidb.testservers.FaultProxy;
import dev.multidb.testservers.Server;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real faults between the library and a real server, injected by a {@link FaultProxy} on 127.0.0.1 in front of one
 * alias: a lost reply to COMMIT, a frozen server, a deadlock across two databases. What each database holds is read
 * with plain JDBC, past the proxy.
 */
abstract class FaultsContract {

    protected abstract Server server();

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final Map<String, String> directUrls = new HashMap<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        toClose.clear();
    }

    /**
     * A factory with aliases {@code default} and {@code other} (committed in that order), each its own database on the server; {@code proxied} (if not
     * null) reached through the returned proxy.
     */
    private MultiDbEntityManagerFactory factory(String proxied, FaultProxy[] proxy, String... extra) {
        Map<String, Object> properties = new HashMap<>();
        for (String alias : List.of("default", "other")) {
            String database = server().createDatabase("faults_" + alias);
            Map<String, String> keys = server().multidbProperties(alias, database);
            String url = keys.get("multidb.databases." + alias + ".url");
            directUrls.put(alias, url);
            if (alias.equals(proxied)) {
                proxy[0] = FaultProxy.inFrontOf(url);
                toClose.add(proxy[0]);
                keys.put("multidb.databases." + alias + ".url", proxy[0].route(url));
            }
            properties.putAll(keys);
        }
        for (int i = 0; i + 1 < extra.length; i += 2) {
            properties.put(extra[i], extra[i + 1]);
        }
        MultiDbEntityManagerFactory factory =
                (MultiDbEntityManagerFactory) Persistence.createEntityManagerFactory("contract", properties);
        toClose.add(factory);
        return factory;
    }

    @Test
    void aLostReplyToTheFirstCommitIsInDoubtNeverRolledBack() throws Exception {
        FaultProxy[] proxy = new FaultProxy[1];
        MultiDbEntityManagerFactory factory = factory("default", proxy);
        assertThat(commitOnBothLosingAReply(factory, proxy[0]))
                .isInstanceOfSatisfying(PartialCommitException.class, e -> {
                    assertThat(e.inDoubt()).containsExactly("default");
                    assertThat(e.committed()).isEmpty();
                    assertThat(e.rolledBack()).containsExactly("other");
                })
                .hasMessage("The commit's outcome on 'default' is unknown: the connection broke after COMMIT was"
                        + " sent, so the changes may or may not have been committed there. Check what 'default'"
                        + " holds before retrying, or the retry may write them twice. Committed on [], rolled back"
                        + " on [other].");
        assertThat(proxy[0].commitRepliesLost()).isEqualTo(1);
        assertThat(names("default")).as("default committed: its reply was lost, not its COMMIT").containsExactly("written on default");
        assertThat(names("other")).isEmpty();
    }

    @Test
    void aLostReplyToTheSecondCommitIsInDoubtAfterTheFirstCommitted() throws Exception {
        FaultProxy[] proxy = new FaultProxy[1];
        MultiDbEntityManagerFactory factory = factory("other", proxy);
        assertThat(commitOnBothLosingAReply(factory, proxy[0]))
                .isInstanceOfSatisfying(PartialCommitException.class, e -> {
                    assertThat(e.committed()).containsExactly("default");
                    assertThat(e.inDoubt()).containsExactly("other");
                    assertThat(e.rolledBack()).isEmpty();
                });
        assertThat(names("default")).containsExactly("written on default");
        assertThat(names("other")).containsExactly("written on other");
        // the pool recovers: the broken connection is gone, a new one works through the proxy
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            assertThat(em.using("other").createQuery("select count(p) from Person p", Long.class).getSingleResult())
                    .isEqualTo(1L);
        }
    }

    /**
     * One transaction writing a person on each alias, whose COMMIT reply the proxy loses: what the commit threw
     * (the transaction is over afterwards either way).
     */
    private static Throwable commitOnBothLosingAReply(MultiDbEntityManagerFactory factory, FaultProxy proxy) {
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            em.getTransaction().begin();
            em.using("other").persist(new Person("written on other"));
            em.using("default").persist(new Person("written on default"));
            proxy.loseNextCommitReply();
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> em.getTransaction().commit());
            assertThat(em.getTransaction().isActive()).isFalse();
            return failure;
        }
    }

    @Test
    void aFrozenServerIsGivenUpOnAfterTheNetworkTimeoutAndThePoolRecovers() throws Exception {
        FaultProxy[] proxy = new FaultProxy[1];
        MultiDbEntityManagerFactory factory = factory("default", proxy, "multidb.databases.default.network-timeout", "2s");
        factory.runInTransaction(em -> ((MultiDbEntityManager) em).using("default").persist(new Person("before the freeze")));
        proxy[0].freeze();
        long started = System.nanoTime();
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            assertThatThrownBy(() -> em.using("default").createQuery("select p from Person p", Person.class).getResultList())
                    .isInstanceOf(PersistenceException.class);
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(waited).as("bounded by the 2 s network timeout")
                .isBetween(Duration.ofMillis(1_500), Duration.ofSeconds(15));
        proxy[0].thaw();
        proxy[0].cutAll();
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            assertThat(em.using("default").createQuery("select p.name from Person p", String.class).getResultList())
                    .containsExactly("before the freeze");
        }
    }

    private static final String NO_ANSWER = "Alias 'default' did not answer within the statement's query timeout of";

    @Test
    void aQueryTimeoutBoundsTheWaitOnAFrozenServerBelowTheNetworkTimeout() throws Exception {
        FaultProxy[] proxy = new FaultProxy[1];
        MultiDbEntityManagerFactory factory = factory("default", proxy); // network timeout: the default 60 s
        factory.runInTransaction(em -> ((MultiDbEntityManager) em).using("default").persist(new Person("before the freeze")));
        proxy[0].freeze();
        long started = System.nanoTime();
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            Throwable failure = catchFailure(() -> em.using("default").createQuery("select p from Person p", Person.class)
                    .setHint("jakarta.persistence.query.timeout", 1_000).getResultList());
            assertThat(failure).isInstanceOf(PersistenceException.class)
                    .rootCause().isInstanceOf(java.net.SocketTimeoutException.class);
            assertThat(causes(failure))
                    .anySatisfy(message -> assertThat(message).startsWith(NO_ANSWER + " 1 s (and a grace of 2 s)"));
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(waited).as("bounded by the query's 1 s timeout and the 2 s grace, not by the 60 s network timeout")
                .isBetween(Duration.ofMillis(2_800), Duration.ofSeconds(8));
        proxy[0].thaw();
        proxy[0].cutAll();
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            assertThat(em.using("default").createQuery("select p.name from Person p", String.class)
                    .setHint("jakarta.persistence.query.timeout", 1_000).getResultList())
                    .as("the network timeout was restored and the pool recovered").containsExactly("before the freeze");
        }
    }

    @Test
    void aTransactionTimeoutBoundsTheWaitOnAFrozenServer() throws Exception {
        FaultProxy[] proxy = new FaultProxy[1];
        MultiDbEntityManagerFactory factory = factory("default", proxy);
        long started;
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            em.getTransaction().setTimeout(3);
            em.getTransaction().begin();
            em.using("default").persist(new Person("in the frozen transaction"));
            em.using("other").persist(new Person("beside the frozen transaction"));
            proxy[0].freeze();
            started = System.nanoTime();
            Throwable failure = catchFailure(() -> em.getTransaction().commit());
            assertThat(failure).isInstanceOf(jakarta.persistence.RollbackException.class);
            assertThat(causes(failure)).anySatisfy(message -> assertThat(message).startsWith(NO_ANSWER));
            assertThat(em.getTransaction().isActive()).isFalse();
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(waited).as("the flush is bounded by the transaction's 3 s and the grace, not by the 60 s default")
                .isBetween(Duration.ofMillis(2_000), Duration.ofSeconds(9));
        proxy[0].thaw();
        proxy[0].cutAll();
        assertThat(names("default")).isEmpty();
        assertThat(names("other")).as("the flush failed before any alias committed").isEmpty();
    }

    private static Throwable catchFailure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return org.assertj.core.api.Assertions.catchThrowable(call);
    }

    private static List<String> causes(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
        }
        return messages;
    }

    /**
     * Two transactions write a and b in opposite orders, each flushing its first alias before the other flushes its
     * second: each database sees only half of the cycle. The lock timeout of the alias where each waits ends it.
     */
    @Test
    void aDeadlockAcrossTwoDatabasesEndsAtTheLockTimeout() throws Exception {
        MultiDbEntityManagerFactory factory = factory(null, new FaultProxy[1],
                "multidb.databases.default.lock-timeout", "2s", "multidb.databases.other.lock-timeout", "2s");
        long[] ids = new long[2];
        factory.runInTransaction(em -> {
            Person onA = new Person("row on default");
            Person onB = new Person("row on other");
            ((MultiDbEntityManager) em).using("default").persist(onA);
            ((MultiDbEntityManager) em).using("other").persist(onB);
            em.flush();
            ids[0] = onA.getId();
            ids[1] = onB.getId();
        });
        CyclicBarrier bothHoldTheirFirstLock = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            long started = System.nanoTime();
            Future<String> first = threads.submit(writer(factory, "default", ids[0], "other", ids[1], bothHoldTheirFirstLock));
            Future<String> second = threads.submit(writer(factory, "other", ids[1], "default", ids[0], bothHoldTheirFirstLock));
            String outcome = first.get(60, TimeUnit.SECONDS) + " / " + second.get(60, TimeUnit.SECONDS);
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            assertThat(outcome).as("at least one waiter was ended by its lock timeout").contains("lock timeout");
            assertThat(waited).isBetween(Duration.ofMillis(1_500), Duration.ofSeconds(30));
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Four threads commit transactions over both aliases for a few seconds while the proxy in front of 'default'
     * cuts connections and loses replies to COMMIT. Every outcome the library reported is checked against what each
     * database holds: nothing reported committed is missing, nothing reported rolled back is there, nothing is there
     * twice, and nothing is anywhere no attempt put it.
     */
    @Test
    void underFaultsEveryReportedOutcomeIsWhatTheDatabasesHold() throws Exception {
        FaultProxy[] proxy = new FaultProxy[1];
        MultiDbEntityManagerFactory factory = factory("default", proxy);
        Map<String, String> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                writers.add(threads.submit(() -> {
                    for (int n = 0; System.nanoTime() < until; n++) {
                        String name = "t" + thread + "-" + n;
                        outcomes.put(name, attempt(factory, name));
                    }
                    return null;
                }));
            }
            Future<?> chaos = threads.submit(() -> {
                for (int round = 0; System.nanoTime() < until; round++) {
                    Thread.sleep(150);
                    if (round % 2 == 0) {
                        proxy[0].loseNextCommitReply();
                    } else {
                        proxy[0].cutAll();
                    }
                }
                return null;
            });
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            chaos.get(10, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        List<String> onDefault = names("default");
        List<String> onOther = names("other");
        List<String> wrong = new ArrayList<>();
        outcomes.forEach((name, outcome) -> {
            boolean inDefault = onDefault.contains(name);
            boolean inOther = onOther.contains(name);
            boolean ok = switch (outcome) {
                case "committed" -> inDefault && inOther;
                case "rolled back" -> !inDefault && !inOther;
                case "in doubt on default" -> !inOther;
                case "committed on default, in doubt on other", "committed on default, rolled back on other" ->
                        inDefault && (outcome.endsWith("in doubt on other") || !inOther);
                default -> false;
            };
            if (!ok) {
                wrong.add(name + ": reported " + outcome + ", default holds it: " + inDefault + ", other: " + inOther);
            }
        });
        assertThat(wrong).as("outcomes the databases contradict").isEmpty();
        assertThat(onDefault).as("nothing twice on default").doesNotHaveDuplicates();
        assertThat(onOther).as("nothing twice on other").doesNotHaveDuplicates();
        assertThat(outcomes.keySet()).as("nothing no attempt wrote").containsAll(onDefault).containsAll(onOther);
        assertThat(outcomes.values()).as("the run committed work").contains("committed");
        System.out.println(getClass().getSimpleName() + " ledger: " + outcomes.size() + " transactions, "
                + new java.util.TreeMap<>(outcomes.values().stream().collect(java.util.stream.Collectors.groupingBy(
                        o -> o, java.util.stream.Collectors.counting()))) + ", replies to COMMIT lost: "
                + proxy[0].commitRepliesLost());
    }

    /** One transaction writing {@code name} on both aliases; what the library said of its outcome. */
    private static String attempt(MultiDbEntityManagerFactory factory, String name) {
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            try {
                em.getTransaction().begin();
                em.using("default").persist(new Person(name));
                em.using("other").persist(new Person(name));
                em.getTransaction().commit();
                return "committed";
            } catch (PartialCommitException e) {
                if (e.committed().isEmpty() && e.inDoubt().equals(List.of("default"))) {
                    return "in doubt on default";
                }
                if (e.committed().equals(List.of("default"))) {
                    return "committed on default, " + (e.inDoubt().contains("other") ? "in doubt" : "rolled back")
                            + " on other";
                }
                return "unexpected partial commit: " + e.getMessage();
            } catch (jakarta.persistence.RollbackException e) {
                return "rolled back";
            } catch (PersistenceException e) {
                // failed before the commit (a cut connection during the flush): nothing committed anywhere
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                return "rolled back";
            }
        }
    }

    private static Callable<String> writer(MultiDbEntityManagerFactory factory, String firstAlias, long firstId,
                                           String secondAlias, long secondId, CyclicBarrier barrier) {
        return () -> {
            try (MultiDbEntityManager em = factory.createEntityManager()) {
                em.getTransaction().begin();
                em.using(firstAlias).find(Person.class, firstId).setName("by " + firstAlias + " first");
                em.flush();
                barrier.await(10, TimeUnit.SECONDS);
                em.using(secondAlias).find(Person.class, secondId).setName("by " + firstAlias + " first");
                try {
                    em.flush();
                    em.getTransaction().commit();
                    return "committed";
                } catch (PersistenceException e) {
                    if (em.getTransaction().isActive()) {
                        em.getTransaction().rollback();
                    }
                    return isLockTimeout(e) ? "lock timeout" : "failed: " + e;
                }
            }
        };
    }

    private static boolean isLockTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof jakarta.persistence.LockTimeoutException
                    || cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof org.hibernate.exception.LockTimeoutException
                    || cause instanceof org.hibernate.exception.LockAcquisitionException) {
                return true;
            }
            if (cause instanceof SQLException sql && ("55P03".equals(sql.getSQLState())
                    || "40001".equals(sql.getSQLState()) || sql.getErrorCode() == 1205)) {
                return true;
            }
        }
        return false;
    }

    /** The names of the people on {@code alias}'s database, read with plain JDBC past any proxy. */
    protected List<String> names(String alias) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(directUrls.get(alias), server().username(),
                server().password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select name from Person order by name")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
