/**
 * Bootstrap at scale: creation time, retained heap and open connections of a hibernate-multidb factory
 * with 1, 8 or 32 aliases of H2 in memory, against one plain Hibernate factory per database.
 *
 * <p>{@link dev.multidb.benchmarks.bootstrap.BootstrapRun} measures one data point in the JVM it is
 * started in, which must be fresh: class loading and Hibernate's first-time work are part of what a
 * user waits for. {@code benchmarks/bootstrap.sh} starts the JVMs, and
 * {@link dev.multidb.benchmarks.bootstrap.BootstrapReport} turns their result lines into medians and
 * the bootstrap section of {@code BENCHMARKS.md}.
 *
 * <p>The 50 entity types ({@code entities}) are spread over the aliases by
 * {@link dev.multidb.benchmarks.bootstrap.ModuloRouter}: type {@code i} (0-based) lives on alias
 * {@code a(i mod N)}, whose schema generation creates only its share of the tables.
 */
package dev.multidb.benchmarks.bootstrap;
