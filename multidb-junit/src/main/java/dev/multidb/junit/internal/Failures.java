package dev.multidb.junit.internal;

import java.sql.SQLException;
import java.util.List;

/** Rethrows the first of several failures of a clean-up that must go on after each one, the others suppressed. */
final class Failures {

    private Failures() {
    }

    static void rethrow(List<? extends Exception> failures) throws SQLException {
        if (failures.isEmpty()) {
            return;
        }
        Exception first = failures.get(0);
        failures.subList(1, failures.size()).forEach(first::addSuppressed);
        if (first instanceof SQLException sql) {
            throw sql;
        }
        throw (RuntimeException) first;
    }
}
