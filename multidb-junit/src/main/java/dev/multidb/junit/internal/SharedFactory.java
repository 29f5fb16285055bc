package dev.multidb.junit.internal;

import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.spi.FactoryAccess;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * One unit's factory for a whole test run, shared by every test class that names the unit (and the same
 * {@link dev.multidb.junit.MultiDbTestProperties} class). Kept in JUnit's root store, which closes it when
 * the run ends.
 *
 * <p>Why once per run: a factory costs a Hibernate bootstrap and a schema per alias (seconds in a cold
 * JVM), and Django too creates its test databases once per run, not per class.
 */
final class SharedFactory implements AutoCloseable {

    private final MultiDbEntityManagerFactory factory;
    private final FactoryAccess access;
    private final AliasGuard guard = new AliasGuard();
    private final Map<String, Set<TableFlush.MappedTable>> mappedTables = new ConcurrentHashMap<>();

    private SharedFactory(MultiDbEntityManagerFactory factory) {
        this.factory = factory;
        this.access = FactoryAccess.of(factory);
        factory.addStatementListener(guard);
    }

    /**
     * Builds the factory of {@code unit} with {@code properties} over its persistence.xml, preparing each
     * alias's schema ({@link SchemaPreparation}).
     */
    static SharedFactory build(String unit, Map<String, Object> properties) {
        Map<String, Object> effective = new HashMap<>(properties);
        SchemaPreparation schema = SchemaPreparation.forUnit(unit, effective);
        schema.beforeBuild(effective);
        EntityManagerFactory built = Persistence.createEntityManagerFactory(unit, effective);
        if (!(built instanceof MultiDbEntityManagerFactory factory)) {
            built.close();
            throw new IllegalStateException("@MultiDbTest(unit = \"" + unit + "\"): the unit's provider is not "
                    + "dev.multidb.MultiDbPersistenceProvider; set <provider>dev.multidb.MultiDbPersistenceProvider"
                    + "</provider> in its persistence.xml.");
        }
        try {
            schema.afterBuild(factory, Collections.unmodifiableMap(effective));
            return new SharedFactory(factory);
        } catch (RuntimeException | Error e) {
            factory.close();
            throw e;
        }
    }

    MultiDbEntityManagerFactory factory() {
        return factory;
    }

    AliasGuard guard() {
        return guard;
    }

    FactoryAccess pools() {
        return access;
    }

    boolean isReplica(String alias) {
        return access.isReplica(alias);
    }

    /**
     * The alias's connection pool itself: its connections are neither audited nor overridden. For the
     * extension's own work (pinning, emptying tables), never for the code under test.
     */
    DataSource rawPool(String alias) throws SQLException {
        return access.pool(alias);
    }

    /** The tables Hibernate maps for the database product of {@code alias}: entity and collection tables. */
    Set<TableFlush.MappedTable> mappedTables(String alias) {
        return mappedTables.computeIfAbsent(alias, key -> {
            Set<TableFlush.MappedTable> tables = new java.util.HashSet<>();
            access.mappedTables(key).forEach(table -> tables.add(TableFlush.MappedTable.parse(table)));
            return Set.copyOf(tables);
        });
    }

    @Override
    public void close() {
        if (factory.isOpen()) {
            factory.removeStatementListener(guard);
            factory.close();
        }
    }

    @Override
    public String toString() {
        return "SharedFactory[" + factory + "]";
    }

    /** The key of a shared factory in the root store. */
    record Key(String unit, Class<?> properties) {
    }
}
