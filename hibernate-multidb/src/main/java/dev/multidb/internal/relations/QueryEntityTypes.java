package dev.multidb.internal.relations;

import org.hibernate.query.sqm.spi.BaseSemanticQueryWalker;
import org.hibernate.query.sqm.tree.SqmStatement;
import org.hibernate.query.sqm.tree.expression.SqmAliasedNodeRef;
import org.hibernate.query.sqm.tree.expression.SqmExpression;
import org.hibernate.query.sqm.tree.select.SqmSortSpecification;
import org.hibernate.query.sqm.tree.from.SqmCrossJoin;
import org.hibernate.query.sqm.tree.from.SqmEntityJoin;
import org.hibernate.query.sqm.tree.from.SqmRoot;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Every entity a query names in a root, a subquery root, an entity join or a cross join; association
 * joins are not listed (bootstrap validation keeps their ends together). Django's lazy querysets could
 * run a subquery on the wrong database; here, a query whose entities live on different databases is
 * refused before it runs.
 *
 * <p>A reference to a selection by its position or result variable ({@code order by 1}, {@code order by OID}) names
 * nothing new and is skipped (Hibernate's own node refuses to be visited). A query this walker cannot analyse is
 * {@link #of reported} as such, never refused for it.
 */
final class QueryEntityTypes extends BaseSemanticQueryWalker {

    private final Set<Class<?>> types = new LinkedHashSet<>();

    /**
     * The entity types of {@code statement}; none when a node of its tree cannot be walked (the query then runs where
     * its root routes it, unchecked).
     */
    static Set<Class<?>> of(SqmStatement<?> statement) {
        QueryEntityTypes walker = new QueryEntityTypes();
        try {
            statement.accept(walker);
        } catch (UnsupportedOperationException e) {
            return Set.of();
        }
        return walker.types;
    }

    @Override
    public Object visitSortSpecification(SqmSortSpecification sortSpecification) {
        return sortSpecification.getSortExpression() instanceof SqmAliasedNodeRef ? sortSpecification
                : super.visitSortSpecification(sortSpecification);
    }

    @Override
    public Object visitGroupByClause(java.util.List<SqmExpression<?>> groupByClauseExpressions) {
        for (SqmExpression<?> expression : groupByClauseExpressions) {
            if (!(expression instanceof SqmAliasedNodeRef)) {
                expression.accept(this);
            }
        }
        return groupByClauseExpressions;
    }

    @Override
    protected void consumeFromClauseRoot(SqmRoot<?> root) {
        add(root.getJavaType());
        super.consumeFromClauseRoot(root);
    }

    @Override
    public Object visitRootPath(SqmRoot<?> root) {
        add(root.getJavaType());
        return super.visitRootPath(root);
    }

    @Override
    public Object visitQualifiedEntityJoin(SqmEntityJoin<?, ?> join) {
        add(join.getJavaType());
        return super.visitQualifiedEntityJoin(join);
    }

    @Override
    public Object visitCrossJoin(SqmCrossJoin<?> join) {
        add(join.getJavaType());
        return super.visitCrossJoin(join);
    }

    private void add(Class<?> type) {
        if (type != null) {
            types.add(type);
        }
    }
}
