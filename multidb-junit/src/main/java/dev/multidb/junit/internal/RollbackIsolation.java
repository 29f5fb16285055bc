package dev.multidb.junit.internal;

import dev.multidb.spi.FactoryAccess;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link dev.multidb.junit.Isolation#ROLLBACK}: one {@link PinnedConnection} per declared alias for the
 * whole class, installed with {@link FactoryAccess#overrideConnections} so that Hibernate's connections and
 * {@code dataSource(alias)}'s all become handles on it (still audited by the statement listeners).
 */
final class RollbackIsolation implements TestIsolation {

    private final FactoryAccess pools;
    private final Map<String, PinnedConnection> pinned;

    private RollbackIsolation(FactoryAccess pools, Map<String, PinnedConnection> pinned) {
        this.pools = pools;
        this.pinned = pinned;
    }

    /** Pins a connection of each alias; on failure, releases those already pinned. */
    static RollbackIsolation pin(SharedFactory shared, Collection<String> aliases) throws SQLException {
        RollbackIsolation isolation = new RollbackIsolation(shared.pools(), new LinkedHashMap<>());
        try {
            for (String alias : aliases) {
                // The real connection is taken from the pool itself, before the override is installed.
                PinnedConnection connection = PinnedConnection.pin(alias, shared.rawPool(alias));
                isolation.pinned.put(alias, connection);
                shared.pools().overrideConnections(alias, connection::handle);
            }
        } catch (SQLException | RuntimeException e) {
            try {
                isolation.close();
            } catch (SQLException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return isolation;
    }

    @Override
    public void beforeTest() throws SQLException {
        for (PinnedConnection connection : pinned.values()) {
            connection.beginTest();
        }
    }

    @Override
    public void afterTest() throws SQLException {
        List<Exception> failures = new ArrayList<>();
        for (PinnedConnection connection : pinned.values()) {
            try {
                connection.endTest();
            } catch (SQLException | RuntimeException e) {
                failures.add(e);
            }
        }
        Failures.rethrow(failures);
    }

    @Override
    public void close() throws SQLException {
        List<Exception> failures = new ArrayList<>();
        pinned.forEach((alias, connection) -> {
            pools.clearOverride(alias);
            try {
                connection.unpin();
            } catch (SQLException | RuntimeException e) {
                failures.add(e);
            }
        });
        pinned.clear();
        Failures.rethrow(failures);
    }
}
