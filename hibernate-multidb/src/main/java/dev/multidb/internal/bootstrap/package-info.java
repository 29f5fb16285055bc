/**
 * Bootstrap: from a persistence unit and a properties map to a running factory. Settings are parsed
 * once, pools configured, aliases grouped by database product, one Hibernate session factory built per
 * group with the alias as tenant identifier, and each alias's schema generated under the routers.
 *
 * <p>Guarantees: a failure at any step releases everything built before it (pools, session factories)
 * and reaches the caller with a message that names the key or entity at fault.
 */
package dev.multidb.internal.bootstrap;
