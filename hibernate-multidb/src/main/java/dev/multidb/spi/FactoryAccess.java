package dev.multidb.spi;

import com.zaxxer.hikari.HikariDataSource;
import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.internal.session.MultiDbRuntime;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * For test support (multidb-junit): an open factory's pools, alias by alias. Not for application code: what it
 * changes, the code under test sees.
 */
public final class FactoryAccess {

    /** Where an alias's connections come from instead of its pool. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection get() throws SQLException;
    }

    private final MultiDbRuntime runtime;

    private FactoryAccess(MultiDbRuntime runtime) {
        this.runtime = runtime;
    }

    public static FactoryAccess of(MultiDbEntityManagerFactory factory) {
        return new FactoryAccess(factory.unwrap(MultiDbRuntime.class));
    }

    /**
     * Every connection of {@code alias}, Hibernate's and {@code dataSource(alias)}'s, comes from {@code source}
     * until {@link #clearOverride}; they are still audited.
     */
    public void overrideConnections(String alias, ConnectionSource source) {
        runtime.pools().override(alias, source::get);
    }

    /** Returns {@code alias} to its pool. */
    public void clearOverride(String alias) {
        runtime.pools().clearOverride(alias);
    }

    /** The alias's pool itself: its connections are neither audited nor overridden. */
    public DataSource pool(String alias) throws SQLException {
        return runtime.pools().dataSource(alias).unwrap(HikariDataSource.class);
    }

    public boolean isReplica(String alias) {
        return runtime.settings().isReplica(alias);
    }

    /** The tables Hibernate maps for the database product of {@code alias}, entity and collection tables, as named in the mapping. */
    public Set<String> mappedTables(String alias) {
        SessionFactoryImplementor sessionFactory = runtime.sessionFactory(alias);
        Set<String> tables = new TreeSet<>();
        sessionFactory.getMappingMetamodel().forEachEntityDescriptor(entity -> tables.addAll(java.util.List.of(entity.getTableNames())));
        sessionFactory.getMappingMetamodel().forEachCollectionDescriptor(collection -> tables.add(collection.getTableName()));
        return tables;
    }
}
