package dev.multidb.internal.session;

import org.hibernate.query.sqm.spi.BaseSemanticQueryWalker;
import org.hibernate.query.sqm.tree.AbstractSqmRestrictedDmlStatement;
import org.hibernate.query.sqm.tree.SqmStatement;
import org.hibernate.query.sqm.tree.expression.JpaCriteriaParameter;
import org.hibernate.query.sqm.tree.expression.SqmAggregateFunction;
import org.hibernate.query.sqm.tree.expression.SqmExpression;
import org.hibernate.query.sqm.tree.expression.SqmFunction;
import org.hibernate.query.sqm.tree.expression.SqmNamedParameter;
import org.hibernate.query.sqm.tree.expression.SqmOver;
import org.hibernate.query.sqm.tree.expression.SqmParameter;
import org.hibernate.query.sqm.tree.expression.SqmPositionalParameter;
import org.hibernate.query.sqm.tree.predicate.SqmGroupedPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmInListPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmJunctionPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmWhereClause;
import org.hibernate.query.sqm.tree.select.SqmQuerySpec;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static jakarta.persistence.criteria.Predicate.BooleanOperator.AND;

/**
 * Whether a query may run as several statements, one per chunk of an IN list, with the same result as
 * one statement: the IN list must be bound to a parameter used nowhere else and be ANDed with the rest of
 * the top-level WHERE clause (so each row matches the chunk holding its value, and no other once the
 * values are made distinct); the query must be an update, a delete, or a select without ORDER BY, GROUP BY,
 * HAVING, aggregates, window functions, set operators or a row limit (the chunks' rows are concatenated;
 * a DISTINCT select's are made distinct again).
 *
 * <p>Parameters are keyed by name ({@code String}) or position ({@code Integer}).
 *
 * @param occurrences how often each parameter occurs in the query
 * @param chunkable   the parameters whose values may be split
 * @param select      a select (rows concatenated) rather than an update or delete (counts added)
 * @param distinct    a select distinct
 * @param refusal     why the query cannot run in chunks at all, or {@code null}
 */
record ChunkableShape(Map<Object, Integer> occurrences, Set<Object> chunkable, boolean select, boolean distinct,
                      String refusal) {

    static ChunkableShape of(SqmStatement<?> statement) {
        Map<Object, Integer> occurrences = ParameterCounter.count(statement);
        if (statement instanceof SqmSelectStatement<?> select) {
            if (!(select.getQueryPart() instanceof SqmQuerySpec<?> spec)) {
                return refused(occurrences, "it combines selects with a set operator");
            }
            String refusal = selectRefusal(spec);
            return new ChunkableShape(occurrences, chunkableIn(spec.getWhereClause(), occurrences), true,
                    spec.getSelectClause().isDistinct(), refusal);
        }
        if (statement instanceof AbstractSqmRestrictedDmlStatement<?> dml) {
            return new ChunkableShape(occurrences, chunkableIn(dml.getWhereClause(), occurrences), false, false,
                    null);
        }
        return refused(occurrences, "it is an insert");
    }

    private static ChunkableShape refused(Map<Object, Integer> occurrences, String refusal) {
        return new ChunkableShape(occurrences, Set.of(), false, false, refusal);
    }

    private static String selectRefusal(SqmQuerySpec<?> spec) {
        if (spec.getOrderByClause() != null && !spec.getOrderByClause().getSortSpecifications().isEmpty()) {
            return "it has an ORDER BY";
        }
        if (spec.getOffsetExpression() != null || spec.getFetchExpression() != null) {
            return "it limits its rows";
        }
        if (!spec.getGroupByClauseExpressions().isEmpty() || spec.getHavingClausePredicate() != null) {
            return "it groups its rows";
        }
        if (AggregateFinder.finds(spec)) {
            return "it selects an aggregate or a window function";
        }
        return null;
    }

    private static Set<Object> chunkableIn(SqmWhereClause where, Map<Object, Integer> occurrences) {
        Set<Object> chunkable = new HashSet<>();
        if (where != null && where.getPredicate() != null) {
            collect(where.getPredicate(), occurrences, chunkable);
        }
        return chunkable;
    }

    private static void collect(SqmPredicate predicate, Map<Object, Integer> occurrences, Set<Object> chunkable) {
        if (predicate.isNegated()) {
            return;
        }
        if (predicate instanceof SqmGroupedPredicate grouped) {
            collect(grouped.getSubPredicate(), occurrences, chunkable);
        } else if (predicate instanceof SqmJunctionPredicate junction && junction.getOperator() == AND) {
            for (SqmPredicate part : junction.getPredicates()) {
                collect(part, occurrences, chunkable);
            }
        } else if (predicate instanceof SqmInListPredicate<?> in) {
            List<? extends SqmExpression<?>> list = in.getListExpressions();
            if (list.size() == 1 && list.get(0) instanceof SqmParameter<?> parameter) {
                Object key = key(parameter);
                if (key != null && occurrences.getOrDefault(key, 0) == 1) {
                    chunkable.add(key);
                }
            }
        }
    }

    static Object key(SqmParameter<?> parameter) {
        if (parameter instanceof SqmNamedParameter<?> || parameter instanceof JpaCriteriaParameter<?>) {
            return parameter.getName() != null ? parameter.getName() : parameter.getPosition();
        }
        if (parameter instanceof SqmPositionalParameter<?>) {
            return parameter.getPosition();
        }
        return null;
    }

    /** Counts every occurrence of every parameter, anywhere in the query (subqueries included). */
    private static final class ParameterCounter extends BaseSemanticQueryWalker {
        private final Map<Object, Integer> occurrences = new HashMap<>();

        static Map<Object, Integer> count(SqmStatement<?> statement) {
            ParameterCounter counter = new ParameterCounter();
            statement.accept(counter);
            return counter.occurrences;
        }

        private Object add(SqmParameter<?> parameter) {
            Object key = key(parameter);
            if (key != null) {
                occurrences.merge(key, 1, Integer::sum);
            }
            return parameter;
        }

        @Override
        public Object visitNamedParameterExpression(SqmNamedParameter<?> expression) {
            return add(expression);
        }

        @Override
        public Object visitPositionalParameterExpression(SqmPositionalParameter<?> expression) {
            return add(expression);
        }

        @Override
        public Object visitJpaCriteriaParameter(JpaCriteriaParameter<?> expression) {
            return add(expression);
        }
    }

    /** Finds an aggregate or a window function in a select clause. */
    private static final class AggregateFinder extends BaseSemanticQueryWalker {
        private boolean found;

        static boolean finds(SqmQuerySpec<?> spec) {
            AggregateFinder finder = new AggregateFinder();
            finder.visitSelectClause(spec.getSelectClause());
            return finder.found;
        }

        @Override
        public Object visitFunction(SqmFunction<?> function) {
            found |= function instanceof SqmAggregateFunction<?>;
            return super.visitFunction(function);
        }

        @Override
        public Object visitOver(SqmOver<?> over) {
            found = true;
            return over;
        }
    }
}
