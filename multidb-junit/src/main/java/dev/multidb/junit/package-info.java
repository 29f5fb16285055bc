/**
 * JUnit 5 support: per-test database declarations, in the manner of Django's {@code TestCase.databases}.
 *
 * <p>Not yet implemented: see the project's issue "multidb-junit". The module exists so that the build
 * and its coordinates are in place.
 */
package dev.multidb.junit;
