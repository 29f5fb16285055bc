/**
 * The service provider interface: what the project's own modules (liquibase-bridge, multidb-junit) and tools built
 * beside the library may use of it, and nothing of {@code dev.multidb.internal}.
 *
 * <ul>
 *   <li>{@link dev.multidb.spi.UnitConfiguration}: a unit's {@code multidb.*} configuration, parsed and checked
 *       as the factory does, with its databases ({@link dev.multidb.spi.ConfiguredDatabase}), apps
 *       ({@link dev.multidb.spi.ConfiguredApp}) and the routers' {@code allowMigrate} answers.</li>
 *   <li>{@link dev.multidb.spi.FactoryAccess}: for test support, an open factory's pools, per alias: replace
 *       where an alias's connections come from, reach the pool itself, list the tables mapped there.</li>
 *   <li>{@link dev.multidb.spi.Texts}: the messages' helpers: did-you-mean, secrets removed, URLs masked.</li>
 * </ul>
 * Less stable than {@code dev.multidb} (it follows what those modules need), far more than the internals.
 */
package dev.multidb.spi;
