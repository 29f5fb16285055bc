package dev.multidb.internal.bootstrap;

import dev.multidb.MultiDbException;
import dev.multidb.internal.config.MultiDbSettings;
import dev.multidb.internal.connections.AliasPools;
import dev.multidb.internal.routing.RouterChain;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.spi.DelayedDropAction;
import org.hibernate.tool.schema.spi.SchemaFilter;
import org.hibernate.tool.schema.spi.SchemaFilterProvider;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the standard schema-generation action to each alias, with only the tables its routers allow.
 *
 * <p>Hibernate alone would run the action once, on "any connection". Here it runs once per alias
 * (replicas excluded, they are copies), on a connection of that alias's pool, through Hibernate's own
 * schema tooling with a {@link SchemaFilter} that keeps a table when {@code allowMigrate(alias, app,
 * entityType)} allows one of the entities stored in it. Tables that belong to no entity (a table-based
 * id generator, say) and sequences are created wherever they are needed by a kept table or are not
 * attributable, which is every alias.
 */
final class SchemaGeneration {

    static final String[] ACTION_KEYS = {
        "jakarta.persistence.schema-generation.database.action",
        "javax.persistence.schema-generation.database.action",
        "hibernate.hbm2ddl.auto",
    };

    private SchemaGeneration() {
    }

    /** The action the user asked for, or {@code null} for none. */
    static String requestedAction(Map<String, Object> properties) {
        for (String key : ACTION_KEYS) {
            Object value = properties.get(key);
            if (value != null && !value.toString().isBlank() && !"none".equalsIgnoreCase(value.toString().trim())) {
                return value.toString().trim();
            }
        }
        return null;
    }

    static void apply(String action, BootContext context, List<String> aliases, MultiDbSettings settings,
                      RouterChain chain, AliasPools pools, Apps apps) {
        Metadata metadata = context.metadata();
        SessionFactoryImplementor factory = context.sessionFactory();
        for (String alias : aliases) {
            if (settings.isReplica(alias)) {
                continue;
            }
            SchemaFilter filter = new AliasFilter(tablesAllowedOn(alias, metadata, chain, apps));
            Connection pooled;
            try {
                pooled = pools.connection(alias);
            } catch (SQLException | RuntimeException e) {
                throw UnreachableDatabases.unreachable(alias, settings, e);
            }
            try (Connection connection = pooled) {
                Map<String, Object> configuration = new HashMap<>(factory.getProperties());
                for (String key : ACTION_KEYS) {
                    configuration.remove(key);
                }
                configuration.put("jakarta.persistence.schema-generation.database.action", action);
                configuration.put("jakarta.persistence.schema-generation-connection", connection);
                configuration.put("hibernate.hbm2ddl.schema_filter_provider", new FilterProvider(filter));
                SchemaManagementToolCoordinator.process(metadata, factory.getServiceRegistry(), configuration,
                        SchemaGeneration::ignoreDelayedDrop);
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            } catch (SQLException e) {
                throw new MultiDbException("Schema generation ('" + action + "') failed on alias '" + alias + "': "
                        + e.getMessage(), e);
            }
        }
    }

    private static void ignoreDelayedDrop(DelayedDropAction action) {
        // create-drop: tables are left in place when the factory closes; drop them with action 'drop'.
    }

    /** Tables to keep on {@code alias}: those of entities (and their collections) allowed there. */
    static Set<Table> tablesAllowedOn(String alias, Metadata metadata, RouterChain chain, Apps apps) {
        Map<Table, Boolean> decided = new IdentityHashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            Class<?> type = entity.getMappedClass();
            boolean allowed = type == null || chain.allowMigrate(alias, apps.appOf(type), type);
            for (Table table : tablesOf(entity)) {
                decided.merge(table, allowed, Boolean::logicalOr);
            }
        }
        for (Collection collection : metadata.getCollectionBindings()) {
            Class<?> owner = collection.getOwner().getMappedClass();
            boolean allowed = owner == null || chain.allowMigrate(alias, apps.appOf(owner), owner);
            decided.merge(collection.getCollectionTable(), allowed, Boolean::logicalOr);
        }
        Set<Table> kept = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        decided.forEach((table, allowed) -> {
            if (allowed) {
                kept.add(table);
            }
        });
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (Table table : namespace.getTables()) {
                if (!decided.containsKey(table)) {
                    kept.add(table);
                }
            }
        }
        return kept;
    }

    private static List<Table> tablesOf(PersistentClass entity) {
        List<Table> tables = new ArrayList<>();
        tables.add(entity.getTable());
        entity.getJoins().forEach(join -> tables.add(join.getTable()));
        return tables;
    }

    private record AliasFilter(Set<Table> kept) implements SchemaFilter {
        @Override
        public boolean includeNamespace(Namespace namespace) {
            return true;
        }

        @Override
        public boolean includeTable(Table table) {
            return kept.contains(table);
        }

        @Override
        public boolean includeSequence(Sequence sequence) {
            return true;
        }
    }

    private record FilterProvider(SchemaFilter filter) implements SchemaFilterProvider {
        @Override
        public SchemaFilter getCreateFilter() {
            return filter;
        }

        @Override
        public SchemaFilter getDropFilter() {
            return filter;
        }

        @Override
        public SchemaFilter getTruncatorFilter() {
            return filter;
        }

        @Override
        public SchemaFilter getMigrateFilter() {
            return filter;
        }

        @Override
        public SchemaFilter getValidateFilter() {
            return filter;
        }
    }
}
