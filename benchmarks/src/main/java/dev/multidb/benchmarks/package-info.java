/**
 * JMH benchmarks of hibernate-multidb against plain Hibernate on the same H2 in-memory database.
 *
 * <p>Not published. {@code benchmarks/run.sh} builds and runs them and rewrites {@code BENCHMARKS.md}.
 */
package dev.multidb.benchmarks;
