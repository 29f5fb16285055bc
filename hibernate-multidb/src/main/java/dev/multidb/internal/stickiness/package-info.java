/**
 * Stickiness: which alias each entity instance was loaded from or last written to, Django's
 * {@code instance._state.db}.
 *
 * <p>Guarantees: the record outlives the persistence context (a detached instance keeps its alias) but
 * never keeps an instance alive; instances are told apart by identity, never by {@code equals}.
 */
package dev.multidb.internal.stickiness;
