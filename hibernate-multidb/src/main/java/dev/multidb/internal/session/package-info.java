/**
 * The routed entity manager: one persistence context over every alias, one child Hibernate session per
 * alias behind it, one transaction facade over their database transactions.
 *
 * <p>Guarantees: every operation is routed before a connection is taken; an instance is managed by the
 * child of exactly one alias, so its lazy state loads from that alias only; the routing rule of each
 * operation is written on {@link dev.multidb.internal.session.RoutedEntityManager}.
 */
@Forwarding(jakarta.persistence.EntityTransaction.class)
@Forwarding(value = jakarta.persistence.TypedQuery.class, fluent = true)
package dev.multidb.internal.session;

import dev.multidb.codegen.Forwarding;
