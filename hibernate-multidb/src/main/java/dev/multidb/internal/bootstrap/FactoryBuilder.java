package dev.multidb.internal.bootstrap;

import dev.multidb.internal.config.MultiDbSettings;
import dev.multidb.internal.config.StandardKeys;
import dev.multidb.internal.connections.AliasConnectionProvider;
import dev.multidb.internal.connections.AliasPools;
import dev.multidb.internal.connections.StatementListeners;
import dev.multidb.internal.relations.AliasGroups;
import dev.multidb.internal.relations.RelationGuard;
import dev.multidb.internal.relations.RelationValidation;
import dev.multidb.internal.replicas.Replicas;
import dev.multidb.internal.routing.RouterChain;
import dev.multidb.internal.session.MultiDbEntityManagerFactoryImpl;
import dev.multidb.internal.session.MultiDbRuntime;
import dev.multidb.internal.stickiness.StickyAliases;
import dev.multidb.internal.stickiness.UntrackedUnits;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Hibernate;
import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.cfg.TransactionSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.jpa.boot.spi.Bootstrap;
import org.hibernate.jpa.boot.spi.PersistenceUnitDescriptor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Builds a {@link MultiDbEntityManagerFactoryImpl} from a persistence unit and the caller's properties.
 *
 * <p>Order matters and is fixed: settings are parsed and validated before anything is opened, so a bad
 * key costs nothing; pools are configured (they open lazily); then one Hibernate session factory is
 * built per database product, each alias's schema generated as asked, and the runtime assembled. Any
 * failure closes what was built before it.
 */
public final class FactoryBuilder {

    private static final String MULTI_TENANT_CONNECTION_PROVIDER = MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER;
    private static final String LAZY_LOAD_NO_TRANS = TransactionSettings.ENABLE_LAZY_LOAD_NO_TRANS;
    private static final String LOCAL_TEMP_TABLES = "org.hibernate.query.sqm.mutation.internal.temptable.";

    private FactoryBuilder() {
    }

    public static MultiDbEntityManagerFactoryImpl build(PersistenceUnitDescriptor unit, Map<?, ?> overrides) {
        Map<String, Object> properties = merged(unit, overrides);
        refuseLazyLoadingWithoutSession(properties);
        ClassLoader loader = unit.getClassLoader() != null ? unit.getClassLoader()
                : Thread.currentThread().getContextClassLoader();
        MultiDbSettings settings = MultiDbSettings.parse(properties, loader);
        StatementListeners listeners = new StatementListeners();
        AliasPools pools = new AliasPools(settings, listeners);
        List<SessionFactoryImplementor> built = new ArrayList<>();
        try {
            AliasGroups groups = new AliasGroups(settings);
            AtomicReference<UntrackedUnits.Unit> untracked = new AtomicReference<>();
            Function<Object, String> stickiness = groups.count() > 1 ? StickyAliases::aliasOf
                    : instance -> untrackedAliasOf(instance, untracked.get());
            RouterChain chain = new RouterChain(settings.routers(), settings.aliases(), stickiness);
            Apps apps = new Apps(settings);
            RelationGuard guard = groups.count() > 1 ? new RelationGuard(chain, groups) : null;
            Replicas replicas = new Replicas(settings);
            String schemaAction = SchemaGeneration.requestedAction(properties);
            Map<String, Object> hibernateSettings = hibernateSettings(properties);
            Map<String, SessionFactoryImplementor> factoryByAlias = new LinkedHashMap<>();
            Map<String, List<String>> productGroups = ProductGroups.of(settings);
            for (Map.Entry<String, List<String>> group : productGroups.entrySet()) {
                List<String> aliases = group.getValue();
                BootContext context = new BootContext(guard);
                Map<String, Object> integration = new HashMap<>(hibernateSettings);
                integration.put(MULTI_TENANT_CONNECTION_PROVIDER, new AliasConnectionProvider(pools, aliases, replicas));
                integration.put(BootContext.SETTING, context);
                String dialect = ProductGroups.dialectOf(group.getKey());
                if (dialect != null) {
                    integration.put("hibernate.dialect", dialect);
                }
                EntityManagerFactory factory;
                try {
                    factory = Bootstrap.getEntityManagerFactoryBuilder(HibernateUnitView.of(unit), integration).build();
                } catch (RuntimeException e) {
                    throw UnreachableDatabases.explain(e, aliases.get(0), pools, settings);
                }
                SessionFactoryImplementor sessionFactory = factory.unwrap(SessionFactoryImplementor.class);
                built.add(sessionFactory);
                aliases.forEach(alias -> factoryByAlias.put(alias, sessionFactory));
                if (schemaAction != null) {
                    SchemaGeneration.apply(schemaAction, context, aliases, settings, chain, pools, apps);
                }
            }
            new RelationValidation(chain, groups).validate(built.get(0).getMetamodel());
            MultiDbRuntime runtime = new MultiDbRuntime(unit.getName(), settings, pools, listeners, chain,
                    factoryByAlias, built.get(0), replicas, stickiness);
            Runnable onClose = pools::close;
            if (!runtime.tracksInstances()) {
                UntrackedUnits.Unit single = untrackedUnit(runtime, groups);
                untracked.set(single);
                UntrackedUnits.register(single);
                onClose = () -> {
                    UntrackedUnits.unregister(single);
                    pools.close();
                };
            }
            MultiDbEntityManagerFactoryImpl result = new MultiDbEntityManagerFactoryImpl(runtime, onClose);
            StartupLog.started(unit.getName(), settings, productGroups, factoryByAlias, runtime.tracksInstances());
            return result;
        } catch (RuntimeException | Error e) {
            for (SessionFactoryImplementor factory : built) {
                try {
                    factory.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            pools.close();
            throw e;
        }
    }

    /** In a one-database unit: a proxy's session, else the unit's rule (an instance with an id is on it). */
    private static String untrackedAliasOf(Object instance, UntrackedUnits.Unit unit) {
        String alias = StickyAliases.aliasOf(instance);
        return alias != null || unit == null ? alias : unit.aliasOf(instance, Hibernate.getClass(instance));
    }

    private static UntrackedUnits.Unit untrackedUnit(MultiDbRuntime runtime, AliasGroups groups) {
        String alias = groups.groupOf(runtime.aliases().iterator().next());
        Set<Class<?>> entities = new HashSet<>();
        runtime.lead().getMetamodel().getEntities().forEach(entity -> entities.add(entity.getJavaType()));
        return new UntrackedUnits.Unit(alias, runtime.lead().getPersistenceUnitUtil(), Set.copyOf(entities));
    }

    /**
     * With {@code hibernate.enable_lazy_load_no_trans}, Hibernate loads a detached proxy through a new
     * session whose tenant comes from a resolver, not from the proxy: the load could reach another alias.
     */
    private static void refuseLazyLoadingWithoutSession(Map<String, Object> properties) {
        Object value = properties.get(LAZY_LOAD_NO_TRANS);
        if (value != null && Boolean.parseBoolean(value.toString().trim())) {
            throw new dev.multidb.MultiDbException("'" + LAZY_LOAD_NO_TRANS + "' is 'true', which hibernate-multidb"
                    + " does not support: a detached proxy would be loaded through a temporary session that does not"
                    + " know the proxy's database and could read another one. Remove the setting, and load what a"
                    + " detached instance needs before its entity manager closes (a fetch join or an entity graph).");
        }
    }

    /** The unit's properties overridden by {@code overrides}, as {@code createEntityManagerFactory(name, map)} does. */
    public static Map<String, Object> merged(PersistenceUnitDescriptor unit, Map<?, ?> overrides) {
        Map<String, Object> properties = new HashMap<>();
        unit.getProperties().forEach((key, value) -> properties.put(String.valueOf(key), value));
        if (overrides != null) {
            overrides.forEach((key, value) -> properties.put(String.valueOf(key), value));
        }
        return properties;
    }

    /**
     * What Hibernate gets: everything but our own keys and the standard JDBC keys read as alias {@code default}'s,
     * with schema generation switched off (it is run
     * per alias instead).
     */
    private static Map<String, Object> hibernateSettings(Map<String, Object> properties) {
        Map<String, Object> settings = new HashMap<>();
        properties.forEach((key, value) -> {
            if (StandardKeys.isForHibernate(key)) {
                settings.put(key, value);
            }
        });
        for (String key : SchemaGeneration.ACTION_KEYS) {
            settings.put(key, "none");
        }
        // Hibernate creates global temporary tables for multi-table mutations on "any connection" only,
        // which is one alias; local temporary tables are created by the session that needs them.
        settings.putIfAbsent("hibernate.query.mutation_strategy", LOCAL_TEMP_TABLES + "LocalTemporaryTableMutationStrategy");
        settings.putIfAbsent("hibernate.query.insert_strategy", LOCAL_TEMP_TABLES + "LocalTemporaryTableInsertStrategy");
        settings.putIfAbsent("hibernate.query.mutation_strategy.global_temporary.create_tables", "false");
        return settings;
    }
}
