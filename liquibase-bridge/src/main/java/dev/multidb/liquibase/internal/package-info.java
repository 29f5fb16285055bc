/**
 * How the bridge drives Liquibase: the {@code <app>/} resource accessor that pins changeset identity,
 * per-alias tasks (migrate, status, update SQL, rollback, locks), history adoption for renamed apps and
 * the check for mixed schema/data changesets. Free to change; not API.
 *
 * <p>Why Liquibase's low-level API (iterators and visitors) rather than its commands: the commands clear
 * Liquibase's JVM-wide lock, history and executor registries when they end, which breaks other aliases
 * migrating in parallel, and they re-parse the changelog themselves, which would undo the pinned
 * identities.
 */
package dev.multidb.liquibase.internal;
