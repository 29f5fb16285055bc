package dev.multidb.internal.relations;

import dev.multidb.CrossDatabaseRelationException;
import dev.multidb.internal.routing.RouterChain;
import org.hibernate.query.sqm.tree.SqmStatement;

import java.util.Collections;
import java.util.LinkedHashMap;
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
    /**
     * The entity types of the trees seen last, least recently used dropped first (Hibernate keeps its trees in a
     * bounded cache too). Keyed by identity ({@link Tree}): SQM trees define a deep structural equals/hashCode, too
     * slow for every query.
     */
    private final Map<Tree, Set<Class<?>>> typesByStatement = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Tree, Set<Class<?>>> eldest) {
                    return size() > CACHE_LIMIT;
                }
            });

    /** A tree compared by identity. */
    private record Tree(SqmStatement<?> statement) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Tree tree && tree.statement == statement;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(statement);
        }
    }

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
        Tree key = new Tree(statement);
        Set<Class<?>> types = typesByStatement.get(key);
        if (types == null) {
            types = QueryEntityTypes.of(statement);
            typesByStatement.put(key, types);
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
