package dev.multidb.internal.session;

import dev.multidb.UnknownDatabaseException;
import dev.multidb.internal.config.MultiDbSettings;
import dev.multidb.internal.connections.AliasPools;
import dev.multidb.internal.connections.StatementListeners;
import dev.multidb.internal.relations.AliasGroups;
import dev.multidb.internal.relations.CrossDatabaseQueries;
import dev.multidb.internal.replicas.Replicas;
import dev.multidb.internal.routing.RouterChain;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.jpa.spi.JpaCompliance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything a factory and its entity managers share, fixed at bootstrap: the settings, the pools, the
 * router chain and, for each alias, the Hibernate session factory of its database product.
 */
public final class MultiDbRuntime {

    private final String unitName;
    private final MultiDbSettings settings;
    private final AliasPools pools;
    private final StatementListeners listeners;
    private final RouterChain chain;
    private final Map<String, SessionFactoryImplementor> factoryByAlias;
    private final SessionFactoryImplementor lead;
    private final QueryTargets queryTargets;
    private final CrossDatabaseQueries crossDatabaseQueries;
    private final AliasGroups groups;
    private final boolean tracksInstances;
    private final Replicas replicas;
    /** Whether any alias has replicas: read once here, not on every operation. */
    private final boolean replicated;
    /** Whether a flush may have to move a changed instance to another alias (routers or replicas). */
    private final boolean relocatesWrites;
    private final Function<Object, String> stickiness;
    private final Map<String, ParameterLimit> parameterLimits = new HashMap<>();
    private final String anyAlias;
    private final JpaCompliance compliance;
    private final boolean watchesDroppedEntityManagers;

    /**
     * @param factoryByAlias the session factory serving each alias; the first entry's factory is the lead,
     *                       used for the metamodel, criteria builder and entity graphs
     */
    public MultiDbRuntime(String unitName, MultiDbSettings settings, AliasPools pools,
                          StatementListeners listeners, RouterChain chain,
                          Map<String, SessionFactoryImplementor> factoryByAlias, SessionFactoryImplementor lead,
                          Replicas replicas, Function<Object, String> stickiness) {
        this.unitName = unitName;
        this.settings = settings;
        this.pools = pools;
        this.listeners = listeners;
        this.chain = chain;
        this.factoryByAlias = Map.copyOf(factoryByAlias);
        this.lead = lead;
        this.queryTargets = new QueryTargets(lead);
        this.groups = new AliasGroups(settings);
        this.tracksInstances = groups.count() > 1;
        this.replicas = replicas;
        this.replicated = replicas.any();
        this.relocatesWrites = chain.hasRouters() || replicated;
        this.stickiness = stickiness;
        this.crossDatabaseQueries = new CrossDatabaseQueries(chain, groups);
        factoryByAlias.forEach((alias, factory) -> parameterLimits.put(alias, ParameterLimit.of(factory)));
        this.anyAlias = factoryByAlias.containsKey("default") ? "default" : settings.aliases().iterator().next();
        this.compliance = lead.getSessionFactoryOptions().getJpaCompliance();   // read once: every entity manager asks
        this.watchesDroppedEntityManagers = settings.databases().stream()
                .anyMatch(database -> detectsLeaks(database.hikari().get("leakDetectionThreshold")));
    }

    public String unitName() {
        return unitName;
    }

    public MultiDbSettings settings() {
        return settings;
    }

    public AliasPools pools() {
        return pools;
    }

    public StatementListeners listeners() {
        return listeners;
    }

    public RouterChain chain() {
        return chain;
    }

    public Set<String> aliases() {
        return settings.aliases();
    }

    /** The lead session factory: metamodel, criteria builder, entity graphs, named queries. */
    public SessionFactoryImplementor lead() {
        return lead;
    }

    /** Every distinct session factory, the lead first. */
    public Collection<SessionFactoryImplementor> sessionFactories() {
        Set<SessionFactoryImplementor> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        List<SessionFactoryImplementor> ordered = new ArrayList<>();
        for (SessionFactoryImplementor factory : concat(lead, factoryByAlias.values())) {
            if (distinct.add(factory)) {
                ordered.add(factory);
            }
        }
        return ordered;
    }

    private static List<SessionFactoryImplementor> concat(SessionFactoryImplementor first,
                                                          Collection<SessionFactoryImplementor> rest) {
        List<SessionFactoryImplementor> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** The session factory serving {@code alias}. */
    public SessionFactoryImplementor sessionFactory(String alias) {
        SessionFactoryImplementor factory = factoryByAlias.get(alias);
        if (factory == null) {
            throw UnknownDatabaseException.of(alias, aliases());
        }
        return factory;
    }

    /** How many bind parameters a statement on {@code alias} may carry. */
    ParameterLimit parameterLimit(String alias) {
        return parameterLimits.get(alias);
    }

    /** Whether any alias of the unit has replicas. */
    public boolean replicated() {
        return replicated;
    }

    /** Whether a flush may move a changed instance to another alias first (routers or replicas). */
    public boolean relocatesWrites() {
        return relocatesWrites;
    }

    /** Whether instances are tracked one by one: the unit has more than one database (replicas aside). */
    public boolean tracksInstances() {
        return tracksInstances;
    }

    public Replicas replicas() {
        return replicas;
    }

    /**
     * The alias a write goes to: the router chain's answer, except that an instance stuck to a replica
     * is written to the replica's primary, and a router naming a replica for a write is refused.
     */
    public String writeAlias(Class<?> type, Object instance, String operation) {
        String alias = chain.dbForWrite(type, instance);
        if (replicated && replicas.isReplica(alias)) {
            if (instance != null && alias.equals(stickiness.apply(instance))) {
                return replicas.primaryOf(alias);
            }
            throw replicas.refuse(alias, operation + " " + type.getSimpleName());
        }
        return alias;
    }

    /** The alias {@code instance} is stuck to, by this unit's rule (the router chain's fallback). */
    public String stickyAliasOf(Object instance) {
        return stickiness.apply(instance);
    }

    CrossDatabaseQueries crossDatabaseQueries() {
        return crossDatabaseQueries;
    }

    /** Queries are analysed with the lead factory's query engine: the metamodel is the same in each. */
    QueryTargets queryTargets() {
        return queryTargets;
    }

    /** {@code default} when it is configured, else the first alias: where calls no alias is responsible for go. */
    public String anyAlias() {
        return anyAlias;
    }

    /**
     * Whether entity managers dropped unclosed in a transaction are rolled back and their connections returned once
     * collected: when any alias has HikariCP's leak detection on ({@code hikari.leakDetectionThreshold}). Off
     * otherwise: watching every entity manager that begins a transaction costs about 2% of a persist and commit.
     */
    public boolean watchesDroppedEntityManagers() {
        return watchesDroppedEntityManagers;
    }

    private static boolean detectsLeaks(String threshold) {
        try {
            return threshold != null && Long.parseLong(threshold.trim()) > 0;
        } catch (NumberFormatException e) {
            return false; // HikariCP refuses it when it builds the pool
        }
    }

    /** Hibernate's JPA compliance settings of the unit ({@code hibernate.jpa.compliance.*}). */
    public JpaCompliance compliance() {
        return compliance;
    }

    /** Fails with the standard message unless {@code alias} is configured. */
    public String requireAlias(String alias) {
        if (alias == null) {
            throw new IllegalArgumentException("The alias is null. Name one of the configured databases: "
                    + String.join(", ", aliases()) + ".");
        }
        if (!factoryByAlias.containsKey(alias)) {
            throw UnknownDatabaseException.of(alias, aliases());
        }
        return alias;
    }
}
