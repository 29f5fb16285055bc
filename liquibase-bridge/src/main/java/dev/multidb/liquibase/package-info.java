/**
 * Per-alias Liquibase migrations under the same routers as the entity manager factory.
 *
 * <p>{@link dev.multidb.liquibase.Migrator} is the entry point; its tasks return per-alias reports
 * ({@link dev.multidb.liquibase.MigrationReport}, {@link dev.multidb.liquibase.StatusReport},
 * {@link dev.multidb.liquibase.SqlReport}, {@link dev.multidb.liquibase.RollbackReport}). The command line
 * ({@code multidb}, in {@code dev.multidb.liquibase.cli}) is a thin layer over it.
 *
 * <p>Guaranteed: an app not allowed on an alias leaves no trace there; replicas are never migrated;
 * changesets are identified as {@code <app>/<path inside the app>}; reports never contain passwords.
 * {@code dev.multidb.liquibase.internal} may change at any time.
 */
package dev.multidb.liquibase;
