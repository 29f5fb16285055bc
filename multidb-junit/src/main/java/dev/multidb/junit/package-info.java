/**
 * JUnit 5 support for units with several databases, in the manner of Django's {@code TestCase.databases}.
 *
 * <p>What users touch: {@link dev.multidb.junit.MultiDbTest} on a test class (the unit, the aliases the
 * class may use, the {@link dev.multidb.junit.Isolation} between tests, optional run-time
 * {@link dev.multidb.junit.MultiDbTestProperties}), and {@link dev.multidb.junit.DatabaseOperationForbiddenException},
 * the failure of a statement on an alias the class did not declare. Test methods receive a
 * {@link dev.multidb.MultiDbEntityManager} and the {@link dev.multidb.MultiDbEntityManagerFactory} as
 * parameters.
 *
 * <p>Guarantees: the names and messages of this package are part of the project's contract (README "Testing with multidb-junit", docs/errors.md).
 * Everything in {@code dev.multidb.junit.internal} may change without notice.
 */
package dev.multidb.junit;
