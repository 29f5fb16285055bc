package dev.multidb;

import jakarta.persistence.EntityManagerFactory;

import java.util.Set;
import javax.sql.DataSource;

/**
 * The factory of a persistence unit whose provider is {@link MultiDbPersistenceProvider}. It owns one
 * connection pool per alias, the router chain and the Hibernate session factories; closing it closes
 * them all (closing twice is harmless).
 */
public interface MultiDbEntityManagerFactory extends EntityManagerFactory {

    /** A new entity manager: one persistence context over every alias. */
    @Override
    MultiDbEntityManager createEntityManager();

    /** The configured aliases, replicas included, in a stable (sorted) order. */
    Set<String> aliases();

    /**
     * The pooled data source of {@code alias}, for raw JDBC. Never routed. Statements sent through it are
     * reported to statement listeners like every other statement.
     *
     * @throws UnknownDatabaseException if {@code alias} is not configured
     */
    DataSource dataSource(String alias);

    /** Adds a listener told of every SQL statement sent to any alias from now on. */
    void addStatementListener(StatementListener listener);

    /** Removes a listener added by {@link #addStatementListener}; unknown listeners are ignored. */
    void removeStatementListener(StatementListener listener);
}
