package dev.multidb.internal.session;

import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaSelect;
import jakarta.persistence.criteria.CriteriaUpdate;
import jakarta.persistence.criteria.Root;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryEngine;
import org.hibernate.query.sqm.spi.NamedSqmQueryMemento;
import org.hibernate.query.sqm.tree.SqmDmlStatement;
import org.hibernate.query.sqm.tree.SqmStatement;
import org.hibernate.query.sqm.tree.select.SqmQueryPart;
import org.hibernate.query.sqm.tree.select.SqmQuerySpec;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;

import java.util.Iterator;
import java.util.Set;

/**
 * Finds the root entity of a query before it is created, so that it can be created on the child session
 * of the right alias.
 *
 * <p>JPQL goes through Hibernate's own interpretation cache ({@link QueryEngine#interpretHql}): the
 * semantic tree built here is the one Hibernate reuses when the child session creates the query, so
 * routing costs a cache lookup, not a second parse. Criteria queries carry their roots.
 */
final class QueryTargets {

    private final QueryEngine queryEngine;

    QueryTargets(SessionFactoryImplementor sessionFactory) {
        this.queryEngine = sessionFactory.getQueryEngine();
    }

    QueryTarget ofHql(String hql) {
        return of(queryEngine.interpretHql(hql, null).getSqmStatement());
    }

    /**
     * For a named JPQL or Criteria query ({@code addNamedQuery} of a Criteria query keeps its tree, not a text),
     * its target; {@code null} when the name is not such a query.
     */
    QueryTarget ofNamed(String name) {
        NamedSqmQueryMemento<?> memento = queryEngine.getNamedObjectRepository().getSqmQueryMemento(name);
        if (memento == null) {
            return null;
        }
        SqmStatement<?> statement = memento.getSqmStatement();
        return statement != null ? of(statement) : ofHql(memento.getHqlString());
    }

    static QueryTarget of(SqmStatement<?> statement) {
        if (statement instanceof SqmDmlStatement<?> dml) {
            return new QueryTarget(dml.getTarget().getJavaType(), true, statement);
        }
        if (statement instanceof SqmSelectStatement<?> select) {
            return new QueryTarget(firstRoot(select.getQueryPart()), false, statement);
        }
        return QueryTarget.NO_ROOT_READ;
    }

    static QueryTarget ofCriteria(CriteriaSelect<?> criteria) {
        if (criteria instanceof SqmStatement<?> statement) {
            return of(statement);
        }
        if (criteria instanceof AbstractQuery<?> query) {
            return new QueryTarget(firstJavaType(query.getRoots()), false, null);
        }
        return QueryTarget.NO_ROOT_READ;
    }

    static QueryTarget ofCriteria(CriteriaUpdate<?> criteria) {
        return criteria instanceof SqmStatement<?> statement ? of(statement)
                : new QueryTarget(criteria.getRoot().getJavaType(), true, null);
    }

    static QueryTarget ofCriteria(CriteriaDelete<?> criteria) {
        return criteria instanceof SqmStatement<?> statement ? of(statement)
                : new QueryTarget(criteria.getRoot().getJavaType(), true, null);
    }

    private static Class<?> firstRoot(SqmQueryPart<?> part) {
        SqmQuerySpec<?> spec = part.getFirstQuerySpec();
        return firstJavaType(spec.getRoots());
    }

    private static Class<?> firstJavaType(Set<? extends Root<?>> roots) {
        Iterator<? extends Root<?>> iterator = roots.iterator();
        return iterator.hasNext() ? iterator.next().getJavaType() : null;
    }
}
