/**
 * Per-alias Liquibase migrations under the same routers as the entity manager factory.
 *
 * <p>Not yet implemented: see the project's issue "liquibase-bridge". The module exists so that the
 * build and its coordinates are in place.
 */
package dev.multidb.liquibase;
