/**
 * The listener layer inside Hibernate, registered by {@link dev.multidb.internal.listeners.MultiDbIntegrator}
 * through {@code META-INF/services}: it records which alias each loaded or written instance is stuck to
 * and hands the boot metamodel to the factory being built.
 *
 * <p>Guarantees: listeners are appended, never replacing Hibernate's or other integrators'; a session
 * factory not built by {@link dev.multidb.MultiDbPersistenceProvider} gets none of them.
 */
package dev.multidb.internal.listeners;
