package dev.multidb.internal.session;

/**
 * What routing needs to know about a query: the entity it is rooted at ({@code null} when it has no
 * entity root, such as {@code select 1}) and whether it reads or writes.
 */
record QueryTarget(Class<?> rootEntity, boolean write) {
    static final QueryTarget NO_ROOT_READ = new QueryTarget(null, false);
}
