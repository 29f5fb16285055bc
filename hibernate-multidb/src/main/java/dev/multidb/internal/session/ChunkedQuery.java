package dev.multidb.internal.session;

import jakarta.persistence.NoResultException;
import jakarta.persistence.NonUniqueResultException;
import jakarta.persistence.Parameter;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import org.hibernate.query.sqm.tree.SqmStatement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A query on an alias whose database limits the bind parameters of one statement (PostgreSQL: 65,535). When
 * the values bound exceed the limit, typically ids materialized from another database, the query runs once
 * per chunk of its largest IN list and the results are combined: rows concatenated (made distinct again for
 * a select distinct), update counts added. Only queries whose result is the same that way are split (see
 * {@link ChunkableShape}); any other fails before it runs, saying why. Below the limit the query runs as it
 * is, the one extra cost being a look at the bound values.
 */
final class ChunkedQuery<X> extends ForwardingTypedQuery<X> {

    private final SqmStatement<?> statement;
    private final ParameterLimit limit;
    private final Runnable markRollbackOnly;

    /**
     * @param markRollbackOnly marks the active transaction for rollback: a query that cannot run in chunks fails
     *                         as Hibernate's own query failures do (JPA 3.2 section 3.11)
     */
    ChunkedQuery(TypedQuery<X> delegate, SqmStatement<?> statement, ParameterLimit limit, Runnable markRollbackOnly) {
        super(delegate);
        this.statement = statement;
        this.limit = limit;
        this.markRollbackOnly = markRollbackOnly;
    }

    @Override
    public List<X> getResultList() {
        Plan plan = plan();
        return plan == null ? target.getResultList() : selectInChunks(plan);
    }

    @Override
    public Stream<X> getResultStream() {
        Plan plan = plan();
        return plan == null ? target.getResultStream() : selectInChunks(plan).stream();
    }

    @Override
    public X getSingleResult() {
        Plan plan = plan();
        if (plan == null) {
            return target.getSingleResult();
        }
        List<X> rows = selectInChunks(plan);
        if (rows.isEmpty()) {
            throw new NoResultException("No result found for the query, run in chunks of its parameter '"
                    + plan.name() + "'");
        }
        return single(rows, plan);
    }

    @Override
    public X getSingleResultOrNull() {
        Plan plan = plan();
        if (plan == null) {
            return target.getSingleResultOrNull();
        }
        List<X> rows = selectInChunks(plan);
        return rows.isEmpty() ? null : single(rows, plan);
    }

    @Override
    public int executeUpdate() {
        Plan plan = plan();
        if (plan == null) {
            return target.executeUpdate();
        }
        int count = 0;
        try {
            for (List<Object> chunk : plan.chunks()) {
                bind(plan, chunk);
                count += target.executeUpdate();
            }
        } finally {
            bind(plan, plan.original());
        }
        return count;
    }

    private X single(List<X> rows, Plan plan) {
        if (rows.size() > 1) {
            throw new NonUniqueResultException("The query, run in chunks of its parameter '" + plan.name()
                    + "', returned " + rows.size() + " results where one was expected");
        }
        return rows.get(0);
    }

    private List<X> selectInChunks(Plan plan) {
        Map<Object, X> distinct = plan.shape().distinct() ? new LinkedHashMap<>() : null;
        List<X> rows = new ArrayList<>();
        try {
            for (List<Object> chunk : plan.chunks()) {
                bind(plan, chunk);
                for (X row : target.getResultList()) {
                    if (distinct == null) {
                        rows.add(row);
                    } else {
                        distinct.putIfAbsent(row instanceof Object[] tuple ? Arrays.asList(tuple) : row, row);
                    }
                }
            }
        } finally {
            bind(plan, plan.original());
        }
        return distinct == null ? rows : new ArrayList<>(distinct.values());
    }

    private void bind(Plan plan, Collection<?> values) {
        if (plan.key() instanceof String name) {
            target.setParameter(name, values);
        } else {
            target.setParameter((Integer) plan.key(), values);
        }
    }

    /** How to split the query, or {@code null} when it fits in one statement. */
    private Plan plan() {
        Map<Object, Collection<?>> lists = null;
        int values = 0;
        for (Parameter<?> parameter : target.getParameters()) {
            if (target.isBound(parameter) && target.getParameterValue(parameter) instanceof Collection<?> list) {
                values += list.size();
                if (lists == null) {
                    lists = new LinkedHashMap<>();
                }
                lists.put(parameter.getName() != null ? parameter.getName() : parameter.getPosition(), list);
            } else {
                values++;
            }
        }
        // Up to a quarter of the limit, only a list used four times or more could reach it: the query's tree
        // is not looked at.
        if (lists == null || values <= limit.max() / 4) {
            return null;
        }
        return plan(lists);
    }

    private Plan plan(Map<Object, Collection<?>> lists) {
        ChunkableShape shape = ChunkableShape.of(statement);
        int total = 0;
        for (Map.Entry<Object, Integer> occurrence : shape.occurrences().entrySet()) {
            Collection<?> list = lists.get(occurrence.getKey());
            total += occurrence.getValue() * (list == null ? 1 : limit.cost(list.size()));
        }
        if (total <= limit.max()) {
            return null;
        }
        Object key = largest(lists);
        String name = key instanceof String s ? s : "?" + key;
        if (shape.refusal() != null) {
            throw refusal(total, shape.refusal());
        }
        if (!shape.chunkable().contains(key)) {
            throw refusal(total, "its largest list, parameter '" + name + "', is not an IN list ANDed with the"
                    + " rest of the WHERE clause, or is used more than once");
        }
        if (target.getFirstResult() != 0 || target.getMaxResults() != Integer.MAX_VALUE) {
            throw refusal(total, "it limits its rows (setFirstResult or setMaxResults)");
        }
        List<Object> distinctValues = new ArrayList<>(new LinkedHashSet<>(lists.get(key)));
        int room = limit.max() - (total - limit.cost(lists.get(key).size()));
        int chunkSize = limit.padding() ? Integer.highestOneBit(Math.max(room, 1)) : room;
        if (chunkSize < 1) {
            throw refusal(total, "its other parameters alone exceed the limit");
        }
        return new Plan(shape, key, name, lists.get(key), distinctValues, chunkSize);
    }

    private static Object largest(Map<Object, Collection<?>> lists) {
        return lists.entrySet().stream().max(Map.Entry.comparingByValue((a, b) -> Integer.compare(a.size(), b.size())))
                .orElseThrow().getKey();
    }

    private PersistenceException refusal(int total, String reason) {
        markRollbackOnly.run();
        return new PersistenceException("The query binds " + total + " values, more than the " + limit.max()
                + " bind parameters " + limit.database() + " accepts in one statement, and it cannot run in chunks: "
                + reason + ". A query runs in chunks when its largest list is an IN list bound to a parameter used"
                + " once and ANDed with the rest of the WHERE clause, and it is an update, a delete, or a select"
                + " without ORDER BY, GROUP BY, aggregates, set operators or a row limit. Change the query so,"
                + " split the list yourself, or join a table holding the values.");
    }

    /**
     * @param original  the list as bound, bound again after the chunks ran
     * @param values    the list's distinct values, in their order
     * @param chunkSize how many of them one statement takes
     */
    private record Plan(ChunkableShape shape, Object key, String name, Collection<?> original, List<Object> values,
                        int chunkSize) {
        List<List<Object>> chunks() {
            List<List<Object>> chunks = new ArrayList<>();
            for (int from = 0; from < values.size(); from += chunkSize) {
                chunks.add(values.subList(from, Math.min(values.size(), from + chunkSize)));
            }
            return chunks;
        }
    }
}
