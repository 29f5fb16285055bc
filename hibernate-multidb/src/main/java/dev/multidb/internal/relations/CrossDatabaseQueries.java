package dev.multidb.internal.relations;

import dev.multidb.CrossDatabaseRelationException;
import dev.multidb.internal.routing.RouterChain;
import org.hibernate.query.sqm.tree.SqmStatement;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a query that would need a table of another database: Django's "Subqueries aren't allowed
 * across different databases". The entities a query names are found once per distinct query tree
 * (Hibernate caches trees per query string, so the cache here is keyed by the tree) and each is routed
 * like the query's root; all must land in one alias group. A unit with one database skips all of it.
 */
public final class CrossDatabaseQueries {

    static final String MESSAGE = "Subqueries aren't allowed across different databases."
            + " Materialize the inner query's ids first.";
    private static final int CACHE_LIMIT = 4096;

    private final RouterChain chain;
    private final AliasGroups groups;
    private final boolean severalDatabases;
    /** Keyed by identity: SQM trees define a deep structural equals/hashCode, too slow for every query. */
    private final Map<SqmStatement<?>, Set<Class<?>>> typesByStatement =
            Collections.synchronizedMap(new IdentityHashMap<>());

    public CrossDatabaseQueries(RouterChain chain, AliasGroups groups) {
        this.chain = chain;
        this.groups = groups;
        this.severalDatabases = groups.count() > 1;
    }

    /**
     * @param alias the alias the query was routed to, by its root entity
     * @param root  the root entity (already routed: not asked again)
     * @throws CrossDatabaseRelationException when another entity of the query reads from another database
     */
    public void check(SqmStatement<?> statement, String alias, Class<?> root) {
        if (!severalDatabases) {
            return;
        }
        Set<Class<?>> types = typesByStatement.get(statement);
        if (types == null) {
            types = QueryEntityTypes.of(statement);
            if (typesByStatement.size() < CACHE_LIMIT) {
                typesByStatement.put(statement, types);
            }
        }
        if (types.size() < 2) {
            return;
        }
        for (Class<?> type : types) {
            if (type != root && !groups.sameGroup(alias, chain.dbForRead(type, null))) {
                throw new CrossDatabaseRelationException(MESSAGE);
            }
        }
    }
}
