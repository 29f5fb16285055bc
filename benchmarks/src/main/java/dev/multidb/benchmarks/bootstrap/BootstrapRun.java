package dev.multidb.benchmarks.bootstrap;

import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.MultiDbPersistenceProvider;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import org.hibernate.jpa.HibernatePersistenceProvider;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * One data point of the bootstrap benchmark, in the JVM it is started in (start a fresh one per point):
 *
 * <pre>
 * java -cp benchmarks.jar dev.multidb.benchmarks.bootstrap.BootstrapRun SIDE ALIASES [--schema create|none] [--ddl DIR]
 * </pre>
 *
 * <ul>
 *   <li>{@code multidb}: one hibernate-multidb factory with aliases {@code a0 .. a(N-1)}, routed by
 *       {@link ModuloRouter}; with {@code --ddl DIR} it writes each database's DDL to
 *       {@code DIR/a<i>.sql} after measuring.</li>
 *   <li>{@code plain}: N plain Hibernate factories, one per database, each mapping the entity types
 *       stored there (as an application with one persistence unit per database would), each pooled by
 *       HikariCP with the sizes of our alias pools ({@code maximumPoolSize} 10, {@code minimumIdle} 1).</li>
 *   <li>{@code plain-all}: the same, but every factory maps all 50 types (one persistence unit whose URL
 *       is changed per database, the other common setup); only the share's tables are created.</li>
 *   <li>{@code h2only}: no Hibernate at all; the same databases with the same tables, from the DDL files
 *       in {@code --ddl DIR}: the heap the databases themselves take, to subtract.</li>
 * </ul>
 *
 * <p>Measured: wall time of creating the factories (schema generation {@code create} included unless
 * {@code --schema none}); after one second, the sessions each database has open (idle pool connections);
 * then the heap still used after repeated full collections, the factories held. Prints one line,
 * {@code RESULT side=... aliases=... schema=... time_ms=... heap_bytes=... connections=c0,c1,...}.
 */
public final class BootstrapRun {

    private static final String SCHEMA_ACTION = "jakarta.persistence.schema-generation.database.action";
    private static final long SETTLE_MILLIS = 1_000;
    /** Named, not imported: Hibernate's internal packages stay out of our code. */
    private static final String HIKARI_PROVIDER = "org.hibernate.hikaricp.internal.HikariCPConnectionProvider";

    private BootstrapRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: BootstrapRun multidb|plain|plain-all|h2only ALIASES [--schema create|none] [--ddl DIR]");
        }
        String side = args[0];
        int aliases = Integer.parseInt(args[1]);
        String schema = "create";
        Path ddl = null;
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--schema" -> schema = args[i + 1];
                case "--ddl" -> ddl = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option '" + args[i] + "'");
            }
        }

        long start = System.nanoTime();
        List<EntityManagerFactory> factories = switch (side) {
            case "multidb" -> List.of(multidb(aliases, schema));
            case "plain" -> plain(aliases, schema, false);
            case "plain-all" -> plain(aliases, schema, true);
            case "h2only" -> h2only(aliases, required(ddl, side));
            default -> throw new IllegalArgumentException("side must be multidb, plain, plain-all or h2only, not '" + side + "'");
        };
        long elapsed = System.nanoTime() - start;

        Thread.sleep(SETTLE_MILLIS);   // HikariCP's housekeeper tops pools up to minimumIdle 100 ms after start
        StringJoiner connections = new StringJoiner(",");
        for (int number = 0; number < aliases; number++) {
            connections.add(String.valueOf(H2Databases.openSessions(number)));
        }
        long heap = retainedHeap();
        Reference.reachabilityFence(factories);

        System.out.printf("RESULT side=%s aliases=%d schema=%s time_ms=%.1f heap_bytes=%d connections=%s%n",
                side, aliases, schema, elapsed / 1e6, heap, connections);
        if (side.equals("multidb") && ddl != null) {
            Files.createDirectories(ddl);
            for (int number = 0; number < aliases; number++) {
                H2Databases.dumpSchema(number, ddl.resolve(BootstrapModel.alias(number) + ".sql"));
            }
        }
        factories.forEach(EntityManagerFactory::close);
    }

    private static MultiDbEntityManagerFactory multidb(int aliases, String schema) {
        PersistenceConfiguration unit = new PersistenceConfiguration("bootstrap")
                .provider(MultiDbPersistenceProvider.class.getName())
                .property("multidb.routers", List.of(new ModuloRouter(aliases)))
                .property(SCHEMA_ACTION, schema);
        BootstrapModel.entities().forEach(unit::managedClass);
        for (int number = 0; number < aliases; number++) {
            unit.property("multidb.databases." + BootstrapModel.alias(number) + ".url", BootstrapModel.url(number));
        }
        return new MultiDbPersistenceProvider().createEntityManagerFactory(unit);
    }

    private static List<EntityManagerFactory> plain(int aliases, String schema, boolean allTypes) {
        List<EntityManagerFactory> factories = new ArrayList<>(aliases);
        for (int number = 0; number < aliases; number++) {
            PersistenceConfiguration unit = new PersistenceConfiguration("plain-" + BootstrapModel.alias(number))
                    .provider(HibernatePersistenceProvider.class.getName())
                    .property(PersistenceConfiguration.JDBC_URL, BootstrapModel.url(number))
                    .property("hibernate.connection.provider_class", HIKARI_PROVIDER)
                    .property("hibernate.hikari.maximumPoolSize", "10")
                    .property("hibernate.hikari.minimumIdle", "1")
                    .property(SCHEMA_ACTION, schema);
            if (allTypes) {
                BootstrapModel.entities().forEach(unit::managedClass);
                unit.property("hibernate.hbm2ddl.schema_filter_provider", ShareSchemaFilter.of(number, aliases));
            } else {
                BootstrapModel.entitiesOf(number, aliases).forEach(unit::managedClass);
            }
            factories.add(new HibernatePersistenceProvider().createEntityManagerFactory(unit));
        }
        return factories;
    }

    private static List<EntityManagerFactory> h2only(int aliases, Path ddl) throws Exception {
        for (int number = 0; number < aliases; number++) {
            Path script = ddl.resolve(BootstrapModel.alias(number) + ".sql");
            if (!Files.isRegularFile(script)) {
                throw new IllegalStateException(script + " is missing: run the multidb side with --ddl " + ddl + " first");
            }
            H2Databases.runScript(number, script);
        }
        return List.of();
    }

    private static Path required(Path ddl, String side) {
        if (ddl == null) {
            throw new IllegalArgumentException("side " + side + " needs --ddl DIR");
        }
        return ddl;
    }

    /** Heap used after full collections, the least of five: what the live objects take. */
    private static long retainedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
