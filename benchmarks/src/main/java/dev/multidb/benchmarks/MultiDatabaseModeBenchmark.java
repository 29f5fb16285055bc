package dev.multidb.benchmarks;

/**
 * {@link EntityManagerBenchmark}'s three operations in the mode hibernate-multidb exists for: a unit of two
 * aliases on two databases and a router ({@link ItemRouter}, which sends {@link Item} to {@code default}), so that
 * every loaded instance is tracked, every flush is checked for cross-database relations and every query for
 * cross-database subqueries. The operations run on {@code default}, the same H2 database as plain Hibernate's side.
 */
public class MultiDatabaseModeBenchmark extends EntityManagerBenchmark {

    @Override
    protected String multidbUnit() {
        return "multidb-two";
    }
}
