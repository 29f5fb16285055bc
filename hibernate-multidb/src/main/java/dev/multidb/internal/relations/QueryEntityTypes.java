package dev.multidb.internal.relations;

import org.hibernate.query.sqm.spi.BaseSemanticQueryWalker;
import org.hibernate.query.sqm.tree.SqmStatement;
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
 */
final class QueryEntityTypes extends BaseSemanticQueryWalker {

    private final Set<Class<?>> types = new LinkedHashSet<>();

    static Set<Class<?>> of(SqmStatement<?> statement) {
        QueryEntityTypes walker = new QueryEntityTypes();
        statement.accept(walker);
        return walker.types;
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
