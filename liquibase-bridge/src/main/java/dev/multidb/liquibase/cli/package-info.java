/**
 * The {@code multidb} command line (picocli), a thin layer over {@link dev.multidb.liquibase.Migrator}.
 * Its commands, options, output and exit codes are the contract; the classes are not API.
 */
package dev.multidb.liquibase.cli;
