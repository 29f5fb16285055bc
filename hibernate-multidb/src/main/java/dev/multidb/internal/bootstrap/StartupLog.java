package dev.multidb.internal.bootstrap;

import dev.multidb.DatabaseRouter;
import dev.multidb.internal.config.DatabaseSettings;
import dev.multidb.internal.config.MultiDbSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The one INFO line a factory logs when it is ready: its unit, every alias with its product and dialect, the
 * replicas and the routers. Never a URL, a user name or a password.
 */
final class StartupLog {

    static final String LOGGER = "dev.multidb";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private StartupLog() {
    }

    static void started(String unit, MultiDbSettings settings, Map<String, List<String>> groups,
                        Map<String, SessionFactoryImplementor> factoryByAlias, boolean tracksInstances) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        LOG.info(line(unit, settings, groups, factoryByAlias, tracksInstances));
    }

    static String line(String unit, MultiDbSettings settings, Map<String, List<String>> groups,
                       Map<String, SessionFactoryImplementor> factoryByAlias, boolean tracksInstances) {
        StringJoiner aliases = new StringJoiner(", ");
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            for (String alias : group.getValue()) {
                SessionFactoryImplementor factory = factoryByAlias.get(alias);
                String dialect = factory == null ? "?" : factory.getJdbcServices().getDialect().getClass().getSimpleName();
                aliases.add(alias + " (" + group.getKey() + ", " + dialect + ")");
            }
        }
        StringJoiner replicas = new StringJoiner(", ");
        for (DatabaseSettings database : settings.databases()) {
            if (database.isReplica()) {
                replicas.add(database.alias() + " of " + database.replicaOf());
            }
        }
        StringJoiner routers = new StringJoiner(", ");
        for (DatabaseRouter router : settings.routers()) {
            routers.add(router.getClass().getName());
        }
        return "Unit '" + unit + "' is ready on " + factoryByAlias.size() + (factoryByAlias.size() == 1 ? " alias: "
                : " aliases: ") + aliases + "; replicas: " + (replicas.length() == 0 ? "none" : replicas)
                + "; routers: " + (routers.length() == 0 ? "none" : routers) + "; "
                + (tracksInstances ? "instances tracked per alias" : "one database: nothing tracked") + ".";
    }
}
