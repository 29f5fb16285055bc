package dev.multidb.junit.internal;

import dev.multidb.StatementListener;
import dev.multidb.junit.DatabaseOperationForbiddenException;

/**
 * The statement listener that forbids undeclared aliases: registered once on each shared factory, it
 * checks every statement, on every connection and thread, against the declaration of the test class
 * that is running.
 *
 * <p>Why a volatile field and not a {@link ThreadLocal}: statements sent from threads the test starts
 * (executors, {@code CompletableFuture}s) must be checked too, and they do not inherit thread-locals.
 * This is also why {@code @MultiDbTest} classes hold a common resource lock: one declaration per
 * factory at a time. With no class running (while the factory is built, between classes) everything
 * is allowed.
 */
final class AliasGuard implements StatementListener {

    private volatile Declaration current;

    /** Makes {@code next} (or nothing, for {@code null}) the declaration in force; returns the previous one. */
    synchronized Declaration swap(Declaration next) {
        Declaration previous = current;
        current = next;
        return previous;
    }

    @Override
    public void onStatement(String alias, String sql) {
        Declaration declaration = current;
        if (declaration != null && !declaration.allows(alias)) {
            throw new DatabaseOperationForbiddenException(alias, declaration.testClassName());
        }
    }
}
