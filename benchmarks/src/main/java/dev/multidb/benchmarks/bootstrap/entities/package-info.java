/**
 * The 50 entity types of the bootstrap benchmark, {@code E01} to {@code E50}: five columns each (an
 * assigned id, so that no sequence is created, a string, an int, a decimal and a timestamp), and for
 * {@code E33} to {@code E50} a lazy many-to-one to the type 32 places before ({@code E40} to {@code E08}).
 * Types whose numbers differ by 32 land on the same alias for 1, 2, 4, 8, 16 and 32 aliases under
 * {@link dev.multidb.benchmarks.bootstrap.ModuloRouter}, so these relations never cross databases.
 *
 * <p>The classes are identical but for their names and parents: change them all alike.
 */
package dev.multidb.benchmarks.bootstrap.entities;
