package dev.multidb.internal.bootstrap;

import dev.multidb.MultiDbException;
import dev.multidb.internal.config.JdbcUrls;
import dev.multidb.internal.config.MultiDbSettings;
import dev.multidb.internal.connections.AliasPools;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Why a session factory could not be built, when the reason is a database that cannot be reached. Hibernate asks
 * the group's lead alias for a connection to detect the dialect; when that fails it reports only that the dialect
 * could not be determined, naming no alias and hiding the driver's error. So, after a failed build, the lead alias
 * is asked for a connection once more: if that fails too, the failure names the alias, its URL (passwords masked)
 * and the driver's own message.
 */
final class UnreachableDatabases {

    private UnreachableDatabases() {
    }

    /** {@code failure}, or the connection failure of {@code alias} that explains it. */
    static RuntimeException explain(RuntimeException failure, String alias, AliasPools pools, MultiDbSettings settings) {
        if (settings.database(alias).dialect() != null) {
            return failure; // Hibernate did not need a connection to start: the failure is another one
        }
        try (Connection probe = pools.connection(alias)) {
            return failure;
        } catch (SQLException | RuntimeException unreachable) {
            MultiDbException explained = unreachable(alias, settings, unreachable);
            explained.addSuppressed(failure);
            return explained;
        }
    }

    /** The failure of a bootstrap step that needed a connection of {@code alias} and could not get one. */
    static MultiDbException unreachable(String alias, MultiDbSettings settings, Exception unreachable) {
        String url = JdbcUrls.mask(settings.database(alias).url());
        return new MultiDbException("Cannot connect to the database '" + alias + "' at " + url
                + " to start the factory: " + driverMessage(unreachable) + ". Check that its server runs and can"
                + " be reached from here, that the database exists and that the credentials and the pool's"
                + " settings (multidb.databases." + alias + ".hikari.*) are right; setting 'multidb.databases."
                + alias + ".dialect' lets the factory start without asking the database which product it is.",
                unreachable);
    }

    /** The innermost message: the driver's, under the pool's wrappers (already scrubbed of passwords). */
    private static String driverMessage(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        return String.valueOf(innermost.getMessage());
    }
}
