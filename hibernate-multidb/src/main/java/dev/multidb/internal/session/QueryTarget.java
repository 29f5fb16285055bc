package dev.multidb.internal.session;

import org.hibernate.query.sqm.tree.SqmStatement;

/**
 * What routing needs to know about a query: the entity it is rooted at ({@code null} when it has no
 * entity root, such as {@code select 1}), whether it reads or writes, and its semantic tree when there is
 * one (for the cross-database check of the entities it names).
 */
record QueryTarget(Class<?> rootEntity, boolean write, SqmStatement<?> statement) {
    static final QueryTarget NO_ROOT_READ = new QueryTarget(null, false, null);
}
