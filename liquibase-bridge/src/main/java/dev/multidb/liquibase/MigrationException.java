package dev.multidb.liquibase;

import dev.multidb.MultiDbException;

/**
 * A migration task failed on a database: a changeset failed, the alias's lock is held by another
 * process, a changeset was refused before it ran, or the database could not be read.
 *
 * <p>Configuration mistakes (an unknown alias, a replica, a missing changelog, an unknown app) are
 * reported with {@link MultiDbException} or {@link dev.multidb.UnknownDatabaseException} instead, so that
 * callers and the command line can tell "fix the command" (exit code 2) from "the migration failed"
 * (exit code 1). Messages never contain passwords.
 */
public class MigrationException extends MultiDbException {
    private static final long serialVersionUID = 1L;

    private final String alias;

    /**
     * @param alias   the alias the task failed on
     * @param message what failed, why, and what to do
     * @param cause   the underlying failure, or {@code null}
     */
    public MigrationException(String alias, String message, Throwable cause) {
        super(message, cause);
        this.alias = alias;
    }

    /** The alias the task failed on. */
    public String alias() {
        return alias;
    }
}
