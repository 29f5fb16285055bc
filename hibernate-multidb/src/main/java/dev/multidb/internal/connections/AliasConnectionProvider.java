package dev.multidb.internal.connections;

import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

import dev.multidb.internal.replicas.Replicas;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Hibernate's view of the pools of one database product: the tenant identifier is the alias.
 *
 * <p>One Hibernate session factory serves every alias of a product; a child session opened with tenant
 * {@code "other"} takes its connections from the pool of {@code other} and nowhere else. "Any
 * connection", which Hibernate uses at bootstrap to detect the dialect, comes from the group's lead
 * alias. A tenant outside the group is refused: it would mean a session of the wrong dialect. A replica
 * that cannot give a connection is taken out of rotation and the connection comes from another replica
 * or the primary instead.
 */
public final class AliasConnectionProvider implements MultiTenantConnectionProvider<String> {

    private static final long serialVersionUID = 1L;

    private final transient AliasPools pools;
    private final transient Replicas replicas;
    private final String leadAlias;
    private final Set<String> aliases;
    /**
     * The data source of each alias of the group, resolved once: asked on every session's first statement.
     * The lead's, the only one of a one-database unit, is also kept apart: no lookup for it.
     */
    private final transient Map<String, DataSource> sources;
    private final transient DataSource leadSource;
    private final boolean replicated;

    /**
     * @param aliases the aliases of this product group, the lead first
     */
    public AliasConnectionProvider(AliasPools pools, List<String> aliases, Replicas replicas) {
        this.pools = pools;
        this.replicas = replicas;
        this.leadAlias = aliases.get(0);
        this.aliases = Set.copyOf(aliases);
        Map<String, DataSource> byAlias = new HashMap<>();
        aliases.forEach(alias -> byAlias.put(alias, pools.dataSource(alias)));
        this.sources = Map.copyOf(byAlias);
        this.leadSource = sources.get(leadAlias);
        this.replicated = replicas.any();
    }

    @Override
    public Connection getAnyConnection() throws SQLException {
        return pools.connection(leadAlias);
    }

    @Override
    public void releaseAnyConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public Connection getConnection(String alias) throws SQLException {
        DataSource source = leadAlias.equals(alias) ? leadSource : sources.get(alias);
        if (source == null) {
            throw new SQLException("Alias '" + alias + "' is not served by this session factory (it serves "
                    + aliases + "); this is a bug in hibernate-multidb's routing.");
        }
        return replicated && replicas.isReplica(alias) ? replicaConnection(alias, 0) : source.getConnection();
    }

    /**
     * A replica's connection, or, when the replica is out of rotation or fails to connect, one of another
     * healthy replica or of the primary. The session keeps its tenant; the statements report the alias
     * that really served them. Only aliases of this factory's product are candidates.
     */
    private Connection replicaConnection(String alias, int depth) throws SQLException {
        SQLException failure = null;
        if (!replicas.isDown(alias)) {
            try {
                return pools.connection(alias);
            } catch (SQLException e) {
                replicas.markDown(alias, e);
                failure = e;
            }
        }
        String fallback = replicas.fallbackFor(alias);
        if (fallback.equals(alias) || !aliases.contains(fallback) || depth > aliases.size()) {
            if (failure != null) {
                throw failure;
            }
            return pools.connection(alias);
        }
        return replicas.isReplica(fallback) ? replicaConnection(fallback, depth + 1) : pools.connection(fallback);
    }

    @Override
    public void releaseConnection(String alias, Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new IllegalArgumentException("Cannot unwrap " + getClass().getName() + " as " + type.getName());
    }

    @Override
    public String toString() {
        return "AliasConnectionProvider" + aliases;
    }
}
